import type { ReactNode } from 'react'
import type { PriorityFactView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { factPointsText } from '../../logic/waitlist'
import './index.scss'

interface PriorityFactsProps {
  facts: readonly PriorityFactView[]
  title?: string
  /** Who wrote the decision note, as this reader calls them (机构说明 for the family, 核验说明 for the centre). */
  noteLabel?: string
  /** Per-fact actions (the centre's 核验通过 / 不通过 on a pending fact). */
  renderActions?: (fact: PriorityFactView) => ReactNode
}

/** Each declared priority: its status in words (colour is only a second cue), the evidence, the decision and why. */
export default function PriorityFacts({ facts, title = '申报的优先条件', noteLabel = '机构说明', renderActions }: PriorityFactsProps) {
  if (facts.length === 0) return null
  return (
    <View className='care-facts'>
      <Text className='care-facts__title'>{title}</Text>
      {facts.map((f) => (
        <View key={f.fact} className={`care-facts__item care-facts__item--${f.status}`}>
          <View className='care-facts__head'>
            <Text className='care-facts__label'>{f.label}</Text>
            <Text className={`care-facts__status care-facts__status--${f.status}`}>{f.statusLabel}</Text>
          </View>
          <Text className='care-facts__line'>{factPointsText(f)}</Text>
          {f.evidenceNote ? <Text className='care-facts__line'>证明：{f.evidenceNote}</Text> : null}
          {f.decisionNote ? (
            <Text className='care-facts__decision'>
              {noteLabel}：{f.decisionNote}
            </Text>
          ) : null}
          {renderActions ? renderActions(f) : null}
        </View>
      ))}
    </View>
  )
}
