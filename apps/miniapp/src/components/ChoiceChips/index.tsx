import { Text, View } from '@tarojs/components'
import './index.scss'

export interface ChoiceOption<T extends string> {
  value: T
  label: string
}

interface ChoiceChipsProps<T extends string> {
  options: readonly ChoiceOption<T>[]
  selected: readonly T[]
  onToggle: (value: T) => void
}

/** Large tappable choices; a selected one shows a tick, so colour is not the only cue. */
export default function ChoiceChips<T extends string>({ options, selected, onToggle }: ChoiceChipsProps<T>) {
  return (
    <View className='cc-chips'>
      {options.map((option) => {
        const on = selected.includes(option.value)
        return (
          <View
            key={option.value}
            className={`cc-chip${on ? ' cc-chip--on' : ''}`}
            onClick={() => onToggle(option.value)}
          >
            <Text>{on ? `✓ ${option.label}` : option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
