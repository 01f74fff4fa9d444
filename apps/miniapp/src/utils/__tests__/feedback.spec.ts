import Taro from '@tarojs/taro'
import { flashSuccess } from '../feedback'

const stub = Taro as unknown as { showToast: jest.Mock; eventCenter: { trigger: (name: string) => void } }

describe('flashSuccess', () => {
  it('waits for the page change before showing the toast (H5 hides toasts on a page change)', () => {
    flashSuccess('已添加老人')
    expect(stub.showToast).not.toHaveBeenCalled()
    stub.eventCenter.trigger('__afterTaroRouterChange')
    expect(stub.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已添加老人' }))
  })
})
