import type { SavedExport } from './data-export-types'

/** H5: the browser downloads the JSON as a file. */
export async function saveExportFile(json: string, fileName: string): Promise<SavedExport> {
  const blob = new Blob([json], { type: 'application/json;charset=utf-8' })
  const url = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : `data:application/json;charset=utf-8,${encodeURIComponent(json)}`
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  if (url.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { fileName, where: '已下载到本机，可在浏览器的「下载」里打开（任何文本编辑器都能查看）。', share: null }
}
