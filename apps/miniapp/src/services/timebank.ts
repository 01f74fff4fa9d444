import type { GiveHoursInput, RegisterVolunteerInput, TimebankRecipientView, TimebankView } from '@carecircle/shared'
import { expectList, expectRecord } from './guards'
import { api } from './request'

const VIEW_KEYS = ['userId', 'balanceMinutes', 'entries'] as const

/** 我的时间银行：余额（分钟）与明细. */
export async function getTimebank(): Promise<TimebankView> {
  return expectRecord<TimebankView>(await api.get('/api/timebank/me'), VIEW_KEYS)
}

/** Joins the street's volunteer team; afterwards the user has the provider_staff role. */
export async function registerVolunteer(input: RegisterVolunteerInput): Promise<{ id: string; name: string }> {
  return expectRecord<{ id: string; name: string }>(await api.post('/api/timebank/volunteer', input), ['id'])
}

/** Whom minutes may be given to: the other members of the user's households and their elders' own logins (长辈版). */
export async function listTimebankRecipients(): Promise<TimebankRecipientView[]> {
  return expectList<TimebankRecipientView>(await api.get('/api/timebank/recipients'))
}

/** Gives minutes to a recipient from listTimebankRecipients; answers with the giver's new view. */
export async function giveHours(input: GiveHoursInput): Promise<TimebankView> {
  return expectRecord<TimebankView>(await api.post('/api/timebank/give', input), VIEW_KEYS)
}
