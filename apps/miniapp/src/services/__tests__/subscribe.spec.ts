import Taro from '@tarojs/taro'
import { askToSubscribe, prepareSubscribe, resetSubscribeTemplates } from '../subscribe'
import { promptSubscribe } from '../subscribe-prompt.weapp'

type Stub = typeof Taro & { request: jest.Mock; requestSubscribeMessage: jest.Mock }
const taro = Taro as Stub

const respond = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {}, errMsg: 'request:ok' })

beforeEach(() => {
  resetSubscribeTemplates()
  taro.request.mockReset()
  taro.requestSubscribeMessage.mockClear()
})

describe('subscribe messages', () => {
  it('fetches a scene’s templates once when the page opens, and the tap asks for them without waiting', async () => {
    taro.request.mockImplementation(() => respond(200, { scene: 'order', templateIds: ['T-ORDER'] }))
    await prepareSubscribe('order')
    await prepareSubscribe('order')
    expect(taro.request).toHaveBeenCalledTimes(1)
    expect(taro.request.mock.calls[0][0]).toMatchObject({ url: 'https://api.test/api/notifications/subscribe-templates', method: 'GET', data: { scene: 'order' } })
    expect(askToSubscribe('order')).toEqual(['T-ORDER'])
  })

  it('asks for nothing when no template is registered or the server cannot be reached', async () => {
    taro.request.mockImplementationOnce(() => respond(200, { scene: 'meal', templateIds: [] }))
    await prepareSubscribe('meal')
    expect(askToSubscribe('meal')).toEqual([])
    taro.request.mockImplementationOnce(() => Promise.reject(new Error('offline')))
    await expect(prepareSubscribe('duty')).resolves.toBeUndefined()
    expect(askToSubscribe('duty')).toEqual([])
  })

  it('on weapp opens WeChat’s dialog with the template ids, and a refusal is not an error', async () => {
    taro.requestSubscribeMessage.mockImplementationOnce(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel' }))
    expect(() => promptSubscribe(['T-ORDER'])).not.toThrow()
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-ORDER'], entityIds: [] })
    await Promise.resolve()
  })
})
