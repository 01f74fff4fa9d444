import type { AccountDeletionView, ConsentStateView, DeleteAccountInput, PersonalDataExportView, PhoneRevealView, PrivacyPolicyView, RecordConsentInput } from '@carecircle/shared'
import { expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent
const CONSENT_KEYS = ['currentVersion', 'required', 'history'] as const

/** The privacy policy in force: its version is what consent is given to. */
export async function getPrivacyPolicy(): Promise<PrivacyPolicyView> {
  return expectRecord<PrivacyPolicyView>(await api.get('/api/privacy/policy'), ['version', 'sections'])
}

export async function getConsent(): Promise<ConsentStateView> {
  return expectRecord<ConsentStateView>(await api.get('/api/me/consent'), CONSENT_KEYS)
}

export async function recordConsent(input: RecordConsentInput): Promise<ConsentStateView> {
  return expectRecord<ConsentStateView>(await api.post('/api/me/consent', input), CONSENT_KEYS)
}

export async function withdrawConsent(channel: RecordConsentInput['channel']): Promise<ConsentStateView> {
  return expectRecord<ConsentStateView>(await api.post('/api/me/consent/withdraw', { channel }), CONSENT_KEYS)
}

/** PIPL art. 45: a copy of everything the account holds (3 an hour). */
export async function exportMyData(): Promise<PersonalDataExportView> {
  return expectRecord<PersonalDataExportView>(await api.get('/api/me/export'), ['exportedAt', 'user'])
}

/** PIPL art. 47: deletes the account; answers what was deleted and what is kept, and why. */
export async function deleteAccount(input: DeleteAccountInput): Promise<AccountDeletionView> {
  return expectRecord<AccountDeletionView>(await api.post('/api/me/delete', input), ['deletedAt', 'kept'])
}

/** The elder's full number for a call now; each reveal is recorded on the server. */
export async function revealElderPhone(elderId: string): Promise<PhoneRevealView> {
  return expectRecord<PhoneRevealView>(await api.post(`/api/elders/${enc(elderId)}/phone-reveal`, {}), ['elderId'])
}
