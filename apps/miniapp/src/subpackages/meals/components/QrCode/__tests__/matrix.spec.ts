import { qrRows } from '../matrix'

describe('the 取餐码 QR code', () => {
  it('encodes six digits as a 21×21 symbol, each row drawn as runs covering the full width', () => {
    const qr = qrRows('306875')
    expect(qr?.size).toBe(21)
    expect(qr?.rows).toHaveLength(21)
    for (const runs of qr!.rows) expect(runs.reduce((sum, r) => sum + r.length, 0)).toBe(21)
    // The finder pattern: seven dark modules in the top-left corner of the first row.
    expect(qr!.rows[0][0]).toEqual({ dark: true, length: 7 })
  })

  it('draws nothing for anything but digits', () => {
    expect(qrRows('')).toBeNull()
    expect(qrRows('30687a')).toBeNull()
  })
})
