import type { EligibilityStatusView } from '@carecircle/shared'
import { Text } from '@tarojs/components'
import { eligibilityLine } from '../../logic/eligibility'
import './index.scss'

/** Until when a subsidy category applies, why the 街道 said no, or that it still waits; nothing when none is declared. */
export default function EligibilityLine({ status }: { status: Pick<EligibilityStatusView, 'category' | 'verification' | 'validUntil' | 'decisionNote'> }) {
  const line = eligibilityLine(status)
  return line ? <Text className={`eligibility-line eligibility-line--${line.tone}`}>{line.text}</Text> : null
}
