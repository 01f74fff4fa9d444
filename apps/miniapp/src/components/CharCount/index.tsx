import { Text } from '@tarojs/components'
import { textLength } from '../../utils/text-length'
import './index.scss'

/** The counter under a text area (12/300), red once the text is over the limit. */
export default function CharCount({ text, max }: { text: string; max: number }) {
  const length = textLength(text)
  return <Text className={`cc-char-count${length > max ? ' cc-char-count--over' : ''}`}>{`${length}/${max}`}</Text>
}
