import type { ProviderStatementView, StatementLineView, StatementRecordView } from '@carecircle/shared'
import { formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { getProviderStatement } from '../../../../services/statements'
import { formatFullDateTimeCn } from '../../../../utils/dates'
import { formatDayCn, formatMonthCn, STATUS_LABELS } from '../../logic/format'
import './index.scss'

function RecordRow({ record }: { record: StatementRecordView }) {
  return (
    <View className='statement-record'>
      <View className='statement-record__main'>
        <Text className='statement-record__what'>
          {formatDayCn(record.date)} · {record.beneficiary ? `${record.beneficiary} · ` : ''}
          {record.service}
        </Text>
        {record.note ? <Text className='statement-record__note'>{record.note}</Text> : null}
        {record.flags.length > 0 ? (
          <View className='statement-record__flags'>
            {record.flags.map((flag) => (
              <Text key={flag} className='statement-record__flag'>
                ⚠ {flag}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      <Text className='statement-record__amount'>{formatFen(record.amountFen)}</Text>
    </View>
  )
}

function LineCard({ line, records }: { line: StatementLineView; records: StatementRecordView[] }) {
  return (
    <View className='cc-card cc-card--padded statement-line'>
      <View className='statement-line__head'>
        <View className='statement-line__main'>
          <Text className='statement-line__label'>{line.label}</Text>
          <Text className='statement-line__meta'>
            {line.kind === 'adjustment' ? '街道调整' : `${line.fundingSource} · ${line.count} 笔`}
          </Text>
        </View>
        <Text className='statement-line__amount'>{formatFen(line.amountFen)}</Text>
      </View>
      {records.length === 0 ? (
        <Text className='statement-line__none'>明细未留存：此结算单生成于明细功能上线之前，如需核对请联系街道。</Text>
      ) : (
        records.map((r, i) => <RecordRow key={`${r.orderId ?? r.service}-${i}`} record={r} />)
      )}
    </View>
  )
}

/** One statement: its total and status, each line with every record behind it, and the anomaly flags the 街道 reviews. */
export default function StatementPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data, loading, error, reload } = useLoader<ProviderStatementView>(() => getProviderStatement(id), { enabled: id !== '' })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={id ? error : '没有指定结算单'} onRetry={reload} />
      </View>
    )
  }

  return (
    <View className='cc-page statement'>
      <View className='cc-card cc-card--padded statement__summary'>
        <Text className='statement__title'>
          {data.providerName} · {formatMonthCn(data.month)}补贴结算单
        </Text>
        <Text className='statement__total'>{formatFen(data.totalFen)}</Text>
        <Text className={`statement__status statement__status--${data.status}`}>
          {data.status === 'approved' && data.approvedAt
            ? `${STATUS_LABELS.approved}（${data.approvedBy ?? '街道'}，${formatFullDateTimeCn(data.approvedAt)}），已锁定`
            : `${STATUS_LABELS.draft}：金额可能因街道调整而变化`}
        </Text>
      </View>

      {data.lines.length === 0 ? <Text className='cc-note'>本月没有补贴记录。</Text> : null}
      {data.lines.map((line, i) => (
        <LineCard key={`${line.label}-${i}`} line={line} records={data.records.filter((r) => r.line === i)} />
      ))}

      {data.anomalies.length > 0 ? (
        <>
          <Text className='statement__group'>异常提示（{data.anomalies.length}）</Text>
          <View className='cc-card cc-card--padded'>
            {data.anomalies.map((a, i) => (
              <View key={`${a.kind}-${i}`} className='statement-anomaly'>
                <Text className='statement-anomaly__label'>⚠ {a.label}</Text>
                <Text className='statement-anomaly__detail'>{a.detail}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </View>
  )
}
