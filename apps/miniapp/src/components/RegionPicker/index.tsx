import { useEffect, useMemo, useState } from 'react'
import type { RegionView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { errorMessage } from '../../services/api-error'
import { listRegions } from '../../services/regions'
import ChoiceChips from '../ChoiceChips'
import { groupRegions, regionPath, streetOf } from './options'
import './index.scss'

interface RegionPickerProps {
  value: string | null
  onChange: (regionId: string | null) => void
  placeholder?: string
}

const WHOLE_STREET = '__street__'

/**
 * 街道 → 社区, chosen with big buttons in place (no scroll wheel: easier to hit, to read and to test)
 * from GET /api/regions.
 */
export default function RegionPicker({ value, onChange, placeholder = '请选择街道和社区（选填）' }: RegionPickerProps) {
  const [regions, setRegions] = useState<RegionView[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const [street, setStreet] = useState<string | null>(null)

  async function load() {
    setLoadError(null)
    try {
      setRegions(await listRegions())
    } catch (err) {
      setLoadError(errorMessage(err, '加载失败'))
    }
  }

  useEffect(() => {
    void load()
  }, [])

  const groups = useMemo(() => (regions ? groupRegions(regions) : []), [regions])
  const label = regions && value ? regionPath(regions, value) : null

  if (loadError) {
    return (
      <View role='button' className='cc-input-box cc-region' onClick={() => void load()}>
        <Text className='cc-field__error'>街道和社区列表加载失败（{loadError}），点此重试</Text>
      </View>
    )
  }

  function openPanel() {
    if (!regions || groups.length === 0) return
    setStreet(streetOf(regions, value) ?? groups[0].street.id)
    setOpen(true)
  }

  const group = groups.find((g) => g.street.id === street)
  const communityOptions = group
    ? [{ value: WHOLE_STREET, label: '不指定社区' }, ...group.communities.map((c) => ({ value: c.id, label: c.name }))]
    : []
  const selectedCommunity = value && group && value !== group.street.id ? value : value === street ? WHOLE_STREET : null

  return (
    <View>
      <View className='cc-region-row'>
        <View role='button' className='cc-input-box cc-region' onClick={() => (open ? setOpen(false) : openPanel())}>
          <Text className={label ? '' : 'cc-placeholder'}>
            {regions === null ? '正在加载街道和社区…' : groups.length === 0 ? '暂无可选的街道' : label ?? placeholder}
          </Text>
          <Text className='cc-region__arrow'>{open ? '收起' : '选择'}</Text>
        </View>
        {value && !open ? (
          <Text className='cc-region__clear' onClick={() => onChange(null)}>
            清除
          </Text>
        ) : null}
      </View>
      {open ? (
        <View className='cc-region__panel'>
          <Text className='cc-region__step'>1. 选择街道</Text>
          <ChoiceChips
            options={groups.map((g) => ({ value: g.street.id, label: g.street.name }))}
            selected={street ? [street] : []}
            onToggle={(id) => setStreet(id)}
          />
          {group ? (
            <>
              <Text className='cc-region__step'>2. 选择社区</Text>
              <ChoiceChips
                options={communityOptions}
                selected={selectedCommunity ? [selectedCommunity] : []}
                onToggle={(id) => {
                  onChange(id === WHOLE_STREET ? group.street.id : id)
                  setOpen(false)
                }}
              />
            </>
          ) : null}
          <View className='cc-region__done'>
            <Button size='small' onClick={() => setOpen(false)}>
              收起
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}
