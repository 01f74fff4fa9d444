import { useState } from 'react'
import type { PriorityFactView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import FormField, { labelled } from '../../../../components/FormField'
import { EVIDENCE_NOTE_MAX } from '../../logic/waitlist'

interface FactDecisionProps {
  fact: PriorityFactView
  childName: string
  busy: boolean
  /** Resolves to a message for the reason field when the server refused the note, else null. */
  onDecide: (verified: boolean, note: string) => Promise<string | null>
}

/** 核验通过 / 不通过 for one pending priority; 不通过 asks why first, so the family knows what to bring. */
export default function FactDecision({ fact, childName, busy, onDecide }: FactDecisionProps) {
  const [refusing, setRefusing] = useState(false)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function refuse() {
    if (!note.trim()) {
      setError('请写明不通过的原因，让家长知道需要补充什么')
      return
    }
    setError(await onDecide(false, note.trim()))
  }

  if (!refusing) {
    return (
      <View className='cc-row-actions care-decide'>
        <Button disabled={busy} onClick={() => setRefusing(true)}>
          不通过
        </Button>
        <Button type='primary' loading={busy} onClick={() => void onDecide(true, '')}>
          核验通过
        </Button>
      </View>
    )
  }
  const label = `${childName}「${fact.label}」不通过的原因`
  return (
    <View className='care-decide'>
      <FormField label={label} required error={error ?? undefined} hint='家长会在「我的托育」看到这段说明。'>
        <Input
          {...labelled(label)}
          value={note}
          onChange={(v) => {
            setNote(v)
            setError(null)
          }}
          placeholder='如：未见在职证明，请补交后重新登记'
          maxLength={EVIDENCE_NOTE_MAX}
        />
      </FormField>
      <View className='cc-row-actions'>
        <Button
          disabled={busy}
          onClick={() => {
            setRefusing(false)
            setError(null)
          }}
        >
          取消
        </Button>
        <Button type='primary' loading={busy} onClick={() => void refuse()}>
          确认不通过
        </Button>
      </View>
      <Text className='care-hint'>不通过的条件不计分，排序会随之调整。</Text>
    </View>
  )
}
