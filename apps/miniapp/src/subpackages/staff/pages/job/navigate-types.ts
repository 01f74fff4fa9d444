import type { JobView } from '@carecircle/shared'

export interface NavigateToProps {
  job: Pick<JobView, 'address' | 'elderName' | 'location'>
}
