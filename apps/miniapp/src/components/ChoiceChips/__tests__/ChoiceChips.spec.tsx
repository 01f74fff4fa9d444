import { fireEvent, render, screen } from '@testing-library/react'
import { DIETARY_NEEDS, DIETARY_NEED_LABELS, type DietaryNeed } from '@carecircle/shared'
import { useState } from 'react'
import ChoiceChips from '..'

function Dietary() {
  const [selected, setSelected] = useState<DietaryNeed[]>(['soft'])
  return (
    <ChoiceChips
      options={DIETARY_NEEDS.map((value) => ({ value, label: DIETARY_NEED_LABELS[value] }))}
      selected={selected}
      onToggle={(v) => setSelected((s) => (s.includes(v) ? s.filter((x) => x !== v) : [...s, v]))}
    />
  )
}

describe('ChoiceChips', () => {
  it('marks the chosen options with a tick, not only a colour, and toggles them', () => {
    render(<Dietary />)
    expect(screen.getByText('✓ 软食')).toBeTruthy()
    expect(screen.getByText('低盐')).toBeTruthy()

    fireEvent.click(screen.getByText('低盐'))
    expect(screen.getByText('✓ 低盐')).toBeTruthy()

    fireEvent.click(screen.getByText('✓ 软食'))
    expect(screen.getByText('软食')).toBeTruthy()
    expect(screen.queryByText('✓ 软食')).toBeNull()
  })

  it('shows a greyed-out option with its reason and ignores taps on it', () => {
    const onToggle = jest.fn()
    render(
      <ChoiceChips
        options={[
          { value: 'a', label: '08:00–10:00', disabled: true, reason: '已过' },
          { value: 'b', label: '14:00–16:00' },
        ]}
        selected={[]}
        onToggle={onToggle}
      />,
    )
    expect(screen.getByText('已过')).toBeTruthy()
    fireEvent.click(screen.getByText('08:00–10:00'))
    expect(onToggle).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('14:00–16:00'))
    expect(onToggle).toHaveBeenCalledWith('b')
  })
})
