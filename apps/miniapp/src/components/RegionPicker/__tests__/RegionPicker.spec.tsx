import { fireEvent, render, screen } from '@testing-library/react'
import type { RegionView } from '@carecircle/shared'
import { listRegions } from '../../../services/regions'
import RegionPicker from '..'

jest.mock('../../../services/regions', () => ({ listRegions: jest.fn() }))
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick: () => void }) => <button onClick={onClick}>{children as string}</button>,
}))

const center = { lat: 31.385, lng: 120.981 }
const regions: RegionView[] = [
  { id: 'd', name: '昆山市', level: 'district', parentId: null, center },
  { id: 's1', name: '玉山镇', level: 'street', parentId: 'd', center },
  { id: 'c1', name: '朝阳社区', level: 'community', parentId: 's1', center },
  { id: 's2', name: '周市镇', level: 'street', parentId: 'd', center },
  { id: 'c2', name: '青阳社区', level: 'community', parentId: 's2', center },
]

describe('RegionPicker', () => {
  beforeEach(() => {
    ;(listRegions as jest.Mock).mockResolvedValue(regions)
  })

  it('chooses a community of a street', async () => {
    const onChange = jest.fn()
    render(<RegionPicker value={null} onChange={onChange} />)
    fireEvent.click(await screen.findByText('请选择街道和社区（选填）'))
    fireEvent.click(screen.getByText('周市镇'))
    expect(screen.queryByText('朝阳社区')).toBeNull()
    fireEvent.click(screen.getByText('青阳社区'))
    expect(onChange).toHaveBeenCalledWith('c2')
  })

  it('chooses the street itself with 不指定社区', async () => {
    const onChange = jest.fn()
    render(<RegionPicker value={null} onChange={onChange} />)
    fireEvent.click(await screen.findByText('请选择街道和社区（选填）'))
    fireEvent.click(screen.getByText('不指定社区'))
    expect(onChange).toHaveBeenCalledWith('s1')
  })

  it('shows the chosen region as street / community and can clear it', async () => {
    const onChange = jest.fn()
    render(<RegionPicker value='c1' onChange={onChange} />)
    expect(await screen.findByText('玉山镇 / 朝阳社区')).toBeTruthy()
    fireEvent.click(screen.getByText('清除'))
    expect(onChange).toHaveBeenCalledWith(null)
  })

  it('offers a retry when the list cannot be loaded', async () => {
    ;(listRegions as jest.Mock).mockRejectedValueOnce(new Error('网络连接失败'))
    render(<RegionPicker value={null} onChange={jest.fn()} />)
    const retry = await screen.findByText(/加载失败（网络连接失败），点此重试/)
    fireEvent.click(retry)
    expect(await screen.findByText('请选择街道和社区（选填）')).toBeTruthy()
    expect(listRegions).toHaveBeenCalledTimes(2)
  })
})
