import { Text, View } from '@tarojs/components'
import ElderButton, { type ElderButtonKind } from '../ElderButton'
import './index.scss'

interface ElderConfirmProps {
  /** 确定不需要吗？ — asked in words on the same screen, no pop-up. */
  question: string
  /** What happens, said before it happens. */
  detail?: string | null
  yesLabel: string
  noLabel?: string
  yesKind?: ElderButtonKind
  busy?: boolean
  onYes: () => void
  onNo: () => void
}

/** The second step of every 长辈版 action: the question, then 是 / 返回, big and side by side. */
export default function ElderConfirm({ question, detail, yesLabel, noLabel = '不，返回', yesKind = 'primary', busy, onYes, onNo }: ElderConfirmProps) {
  return (
    <View className='elder-confirm'>
      <Text className='elder-confirm__question'>{question}</Text>
      {detail ? <Text className='elder-confirm__detail'>{detail}</Text> : null}
      <View className='elder__pair'>
        <ElderButton kind={yesKind} loading={busy} onClick={onYes}>
          {yesLabel}
        </ElderButton>
        <ElderButton kind='plain' disabled={busy} onClick={onNo}>
          {noLabel}
        </ElderButton>
      </View>
    </View>
  )
}
