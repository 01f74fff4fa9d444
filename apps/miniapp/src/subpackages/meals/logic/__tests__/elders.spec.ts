import type { ElderListItemView } from '@carecircle/shared'
import { initialElder } from '../elders'

const elder = (id: string) => ({ id, name: id }) as ElderListItemView

describe('为谁订餐', () => {
  const two = [elder('e1'), elder('e2')]
  it('starts with the elder asked for, the elder’s own login, the last one ordered for, or the only one', () => {
    expect(initialElder(two, 'e2', { elderId: null }, 'e1')).toBe('e2')
    expect(initialElder(two, null, { elderId: 'e1' }, 'e2')).toBe('e1')
    expect(initialElder(two, 'gone', { elderId: null }, 'e2')).toBe('e2')
    expect(initialElder([elder('e1')], null, { elderId: null }, null)).toBe('e1')
  })

  it('asks when there are several and nothing to go by', () => {
    expect(initialElder(two, null, { elderId: null }, 'gone')).toBeNull()
  })
})
