// The encoder core of the `qrcode` package: pure JavaScript, no canvas or DOM, so it runs in weapp too.
declare module 'qrcode/lib/core/qrcode' {
  export interface QrSymbol {
    version: number
    modules: { size: number; data: Uint8Array; get(row: number, col: number): number | boolean }
  }
  export function create(data: string | { data: string; mode: 'numeric' | 'alphanumeric' | 'byte' }[], options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QrSymbol
}
