import { Text, View } from '@tarojs/components'
import './index.scss'

export interface ChoiceOption<T extends string> {
  value: T
  label: string
  /** Shown greyed out with its reason (已过 / 已约满) and cannot be chosen. */
  disabled?: boolean
  reason?: string | null
}

interface ChoiceChipsProps<T extends string> {
  options: readonly ChoiceOption<T>[]
  selected: readonly T[]
  onToggle: (value: T) => void
  /** Larger chips (e.g. the staff side, elder-facing choices). */
  size?: 'normal' | 'large'
}

/** Large tappable choices; a selected one shows a tick, so colour is not the only cue. */
export default function ChoiceChips<T extends string>({ options, selected, onToggle, size = 'normal' }: ChoiceChipsProps<T>) {
  return (
    <View className={`cc-chips${size === 'large' ? ' cc-chips--large' : ''}`}>
      {options.map((option) => {
        const on = selected.includes(option.value)
        const off = option.disabled === true
        return (
          <View
            key={option.value}
            role='checkbox'
            aria-checked={on}
            aria-disabled={off}
            className={`cc-chip${on ? ' cc-chip--on' : ''}${off ? ' cc-chip--disabled' : ''}`}
            onClick={() => {
              if (!off) onToggle(option.value)
            }}
          >
            <Text>{on ? `✓ ${option.label}` : option.label}</Text>
            {off && option.reason ? <Text className='cc-chip__reason'>{option.reason}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
