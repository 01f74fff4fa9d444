import { fireEvent, render, screen } from '@testing-library/react'
import type { EligibilityStatusView } from '@carecircle/shared'
import SubsidyStatus from '../SubsidyStatus'

jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick: () => void }) => <button onClick={onClick}>{children as string}</button>,
}))

const status = (over: Partial<EligibilityStatusView>): EligibilityStatusView => ({
  elderId: 'e1', category: 'dibao', verification: 'unverified', validUntil: null, evidenceNote: '低保证', decisionNote: null, declaredAt: '2026-11-20T02:00:00.000Z', ...over,
})

describe('SubsidyStatus', () => {
  it('shows until when a verified category applies and offers 重新申报', () => {
    const onDeclare = jest.fn()
    render(<SubsidyStatus category='dibao' verification='verified' eligibility={status({ verification: 'verified', validUntil: '2027-11-30' })} onDeclare={onDeclare} />)
    expect(screen.getByText('低保')).toBeTruthy()
    expect(screen.getByText('已核验')).toBeTruthy()
    expect(screen.getByText('有效期至 2027年11月30日')).toBeTruthy()
    fireEvent.click(screen.getByText('重新申报'))
    expect(onDeclare).toHaveBeenCalled()
  })

  it('shows the 街道’s note on a rejection', () => {
    render(<SubsidyStatus category='dibao' verification='rejected' eligibility={status({ verification: 'rejected', decisionNote: '低保证已过期' })} onDeclare={jest.fn()} />)
    expect(screen.getByText('未通过')).toBeTruthy()
    expect(screen.getByText('街道说明：低保证已过期')).toBeTruthy()
  })

  it('offers 申报补贴类别 when nothing is declared', () => {
    render(<SubsidyStatus category='none' verification='unverified' eligibility={status({ category: 'none' })} onDeclare={jest.fn()} />)
    expect(screen.getByText('无')).toBeTruthy()
    expect(screen.queryByText('待核验')).toBeNull()
    expect(screen.getByText('申报补贴类别')).toBeTruthy()
  })

  it('falls back to the elder’s record and the general rule until the status has loaded', () => {
    render(<SubsidyStatus category='tekun' verification='unverified' eligibility={undefined} onDeclare={jest.fn()} />)
    expect(screen.getByText('特困供养')).toBeTruthy()
    expect(screen.getByText('待核验')).toBeTruthy()
    expect(screen.getByText('补贴类别需经街道核验后才生效，核验通过前不享受补贴。')).toBeTruthy()
  })
})
