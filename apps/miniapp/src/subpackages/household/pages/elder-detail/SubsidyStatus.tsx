import type { EligibilityStatusView, SubsidyCategory, SubsidyVerification } from '@carecircle/shared'
import { SUBSIDY_CATEGORY_LABELS, SUBSIDY_VERIFICATION_LABELS } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import EligibilityLine from '../../components/EligibilityLine'
import { declareButtonLabel, hasDeclared } from '../../logic/eligibility'

interface SubsidyStatusProps {
  /** From the elder's record, shown until the fuller eligibility status has loaded. */
  category: SubsidyCategory
  verification: SubsidyVerification
  eligibility: EligibilityStatusView | undefined
  onDeclare: () => void
}

/** 补贴类别 on the elder's page: the category and its state, until when it applies or why the 街道 said no, and 申报. */
export default function SubsidyStatus({ category, verification, eligibility, onDeclare }: SubsidyStatusProps) {
  const status = eligibility ?? { category, verification, validUntil: null, decisionNote: null }
  return (
    <View className='subsidy-status'>
      <View className='elder-detail__phone'>
        <Text>{SUBSIDY_CATEGORY_LABELS[status.category]}</Text>
        {hasDeclared(status) ? (
          <Text className={`cc-badge cc-badge--${status.verification}`}>{SUBSIDY_VERIFICATION_LABELS[status.verification]}</Text>
        ) : null}
      </View>
      {eligibility ? <EligibilityLine status={eligibility} /> : null}
      {!eligibility && hasDeclared(status) && status.verification !== 'verified' ? (
        <Text className='cc-note'>补贴类别需经街道核验后才生效，核验通过前不享受补贴。</Text>
      ) : null}
      <Button size='small' fill='outline' type='primary' className='subsidy-status__declare' onClick={onDeclare}>
        {declareButtonLabel(status)}
      </Button>
    </View>
  )
}
