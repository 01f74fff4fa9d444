import { render, screen } from '@testing-library/react'
import TrainingNotice, { noOffersText } from '../TrainingNotice'

describe('TrainingNotice', () => {
  it('tells a staff member without 岗前培训 why no offers come', () => {
    render(<TrainingNotice me={{ preJobTrainingPending: true }} />)
    expect(screen.getByText('完成岗前培训后才能接单')).toBeTruthy()
    expect(screen.getByText(/请联系所在机构或街道报名参加培训/)).toBeTruthy()
  })

  it('shows nothing once the training is passed (or not required)', () => {
    const { container } = render(<TrainingNotice me={{ preJobTrainingPending: false }} />)
    expect(container.textContent).toBe('')
  })

  it('says the same in the empty offers list instead of "no offers yet"', () => {
    expect(noOffersText({ onDuty: true, preJobTrainingPending: true })).toBe('完成岗前培训后才能接单。')
    expect(noOffersText({ onDuty: true, preJobTrainingPending: false })).toContain('暂时没有新的派单')
    expect(noOffersText({ onDuty: false, preJobTrainingPending: false })).toContain('上班后')
  })
})
