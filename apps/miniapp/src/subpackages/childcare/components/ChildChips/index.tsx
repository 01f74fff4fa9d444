import { Text, View } from '@tarojs/components'
import { childClassText } from '../../logic/age-fit'
import { isUnderThree, type FamilyChild } from '../../logic/family'
import './index.scss'

interface ChildChipsProps {
  children: readonly FamilyChild[]
  selected: string | null
  today: string
  /** Show which household each child is in (more than one household: 一老一小 across families). */
  showHousehold?: boolean
  onSelect: (child: FamilyChild) => void
}

/** 为哪个孩子: each child with age in months and the class that fits today; a tick marks the chosen one. */
export default function ChildChips({ children, selected, today, showHousehold, onSelect }: ChildChipsProps) {
  return (
    <View className='care-children' role='radiogroup'>
      {children.map((child) => {
        const on = child.id === selected
        const off = !isUnderThree(child)
        return (
          <View
            key={child.id}
            role='radio'
            aria-checked={on}
            aria-disabled={off}
            className={`care-child${on ? ' care-child--on' : ''}${off ? ' care-child--off' : ''}`}
            onClick={() => {
              if (!off) onSelect(child)
            }}
          >
            <Text className='care-child__name'>
              {on ? '✓ ' : ''}
              {child.name}
              {showHousehold ? `（${child.householdName}）` : ''}
            </Text>
            <Text className='care-child__age'>{childClassText(child, today)}</Text>
          </View>
        )
      })}
    </View>
  )
}
