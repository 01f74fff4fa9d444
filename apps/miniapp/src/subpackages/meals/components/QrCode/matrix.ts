import { create } from 'qrcode/lib/core/qrcode'

export interface QrRun {
  dark: boolean
  length: number
}

export interface QrRows {
  /** Modules per side (21 for a 6-digit code). */
  size: number
  /** Each row as runs of same-coloured modules: far fewer nodes to draw than one per module. */
  rows: QrRun[][]
}

/** A digits-only code as a QR symbol (numeric mode, error correction M), ready to draw with plain views. */
export function qrRows(digits: string): QrRows | null {
  if (!/^\d{1,40}$/.test(digits)) return null
  const { modules } = create([{ data: digits, mode: 'numeric' }], { errorCorrectionLevel: 'M' })
  const rows: QrRun[][] = []
  for (let r = 0; r < modules.size; r++) {
    const runs: QrRun[] = []
    for (let c = 0; c < modules.size; c++) {
      const dark = Boolean(modules.get(r, c))
      const last = runs[runs.length - 1]
      if (last && last.dark === dark) last.length++
      else runs.push({ dark, length: 1 })
    }
    rows.push(runs)
  }
  return { size: modules.size, rows }
}
