import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './index.scss'

interface PageStateProps {
  loading?: boolean
  error?: string | null
  onRetry?: () => void
}

/** The whole-page loading and load-failed states. */
export default function PageState({ loading, error, onRetry }: PageStateProps) {
  if (error) {
    return (
      <View className='cc-page-state'>
        <Text className='cc-page-state__title'>加载失败</Text>
        <Text className='cc-page-state__desc'>{error}</Text>
        {onRetry ? (
          <Button type='primary' fill='outline' onClick={onRetry}>
            重新加载
          </Button>
        ) : null}
      </View>
    )
  }
  if (loading) {
    return (
      <View className='cc-page-state'>
        <Text className='cc-page-state__desc'>正在加载…</Text>
      </View>
    )
  }
  return null
}
