import type { BirthDateFieldProps } from './birth-date-types'

/** H5: the browser's own date input (a picker on phones, typable on desktop). */
export default function BirthDateField({ value, min, max, onChange }: BirthDateFieldProps) {
  return (
    <input
      className='cc-input-box cc-date-input'
      type='date'
      aria-label='出生日期'
      placeholder='请选择出生日期'
      value={value}
      min={min}
      max={max}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
