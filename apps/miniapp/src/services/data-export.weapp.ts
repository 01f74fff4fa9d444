import Taro from '@tarojs/taro'
import type { SavedExport } from './data-export-types'

/**
 * weapp: written into the mini-program's own user folder (wx.env.USER_DATA_PATH). Files there
 * cannot be opened from the phone's file manager, so the page offers to send the file to a chat
 * (文件传输助手 opens it on a computer) or to copy the text.
 */
export async function saveExportFile(json: string, fileName: string): Promise<SavedExport> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: json,
      encoding: 'utf8',
      success: () => resolve(),
      fail: (res) => reject(new Error(`保存文件失败：${res.errMsg}`)),
    })
  })
  return {
    fileName,
    where: '已保存在小程序的文件中。点「发送到聊天」发给自己（例如「文件传输助手」），就能在电脑或手机上打开。',
    share: async () => {
      // Only from a tap: WeChat refuses shareFileMessage outside a user gesture.
      await Taro.shareFileMessage({ filePath, fileName })
    },
  }
}
