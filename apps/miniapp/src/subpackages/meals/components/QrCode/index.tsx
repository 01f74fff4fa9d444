import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { qrRows } from './matrix'
import './index.scss'

interface QrCodeProps {
  /** Digits only (the 取餐码). */
  value: string
  /** Target width in px; the module size is rounded down to whole pixels so the edges stay sharp. */
  size?: number
}

const QUIET_ZONE = 2

/**
 * The 取餐码 as a QR code, drawn with plain views (no canvas, no image), so it looks the same in
 * weapp and H5 and needs no platform API.
 */
export default function QrCode({ value, size = 176 }: QrCodeProps) {
  const matrix = useMemo(() => qrRows(value), [value])
  if (!matrix) return null
  const cell = Math.max(2, Math.floor(size / (matrix.size + QUIET_ZONE * 2)))
  const side = cell * matrix.size
  return (
    <View className='meal-qr' style={{ padding: `${cell * QUIET_ZONE}px` }} aria-label={`取餐码二维码：${value}`} role='img'>
      <View style={{ width: `${side}px`, height: `${side}px` }}>
        {matrix.rows.map((runs, r) => (
          <View key={r} className='meal-qr__row' style={{ height: `${cell}px` }}>
            {runs.map((run, i) => (
              <View key={i} className={run.dark ? 'meal-qr__dark' : 'meal-qr__light'} style={{ width: `${run.length * cell}px`, height: `${cell}px` }} />
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
