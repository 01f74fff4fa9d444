/** A chosen file's text as UTF-8 (the decoder drops a BOM; the server would strip one too). */
export function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.readAsText(file, 'utf-8');
  });
}
