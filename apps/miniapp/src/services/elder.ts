import type {
  ConfirmationSettingsInput,
  ElderDecisionInput,
  ElderHomeView,
  ElderLoginCodeView,
  MeView,
  OrderView,
  RaiseSosInput,
  SosView,
} from '@carecircle/shared'
import { expectRecord } from './guards'
import { api } from './request'

const enc = encodeURIComponent
const SOS_KEYS = ['id', 'status', 'statusLabel', 'cancelUntil', 'createdAt'] as const

/** 长辈版首页. The elder's own login needs no id; a family member previewing passes the elder's. */
export async function getElderHome(elderId?: string | null): Promise<ElderHomeView> {
  return expectRecord<ElderHomeView>(
    await api.get('/api/elder/home', elderId ? { elderId } : undefined),
    ['elderId', 'name', 'today', 'meals', 'pendingConfirmations', 'family'],
  )
}

/** The elder's yes or no to an order the family placed for them (only their own login may answer). */
export async function decideOrder(orderId: string, decision: ElderDecisionInput['decision'], device?: string): Promise<OrderView> {
  const body: ElderDecisionInput = device ? { decision, device } : { decision }
  return expectRecord<OrderView>(await api.post(`/api/orders/${enc(orderId)}/elder-decision`, body), ['id', 'status'])
}

/** 一键呼叫: pending for 10 s (cancellable), then broadcast to staff near the elder. */
export async function raiseSos(input: RaiseSosInput): Promise<SosView> {
  return expectRecord<SosView>(await api.post('/api/sos', input), SOS_KEYS)
}

/** Within the 10 s only; afterwards the server answers 409 SOS.CANCEL_WINDOW_PASSED. */
export async function cancelSos(id: string): Promise<SosView> {
  return expectRecord<SosView>(await api.post(`/api/sos/${enc(id)}/cancel`), SOS_KEYS)
}

export async function getSos(id: string): Promise<SosView> {
  return expectRecord<SosView>(await api.get(`/api/sos/${enc(id)}`), SOS_KEYS)
}

/** A one-time code (24 h) a family member shows the elder, to bind the elder's own phone. */
export async function createElderLoginCode(elderId: string): Promise<ElderLoginCodeView> {
  return expectRecord<ElderLoginCodeView>(await api.post(`/api/elders/${enc(elderId)}/login-code`), ['code', 'expiresAt'])
}

/** On the elder's phone: this account becomes the elder's own (role elder). */
export async function claimElderLogin(code: string): Promise<MeView> {
  return expectRecord<MeView>(await api.post('/api/elder-login/claim', { code }), ['id', 'roles', 'elderId'])
}

/** Whether orders the family places wait for the elder's yes, how long, and what happens without one. */
export async function setConfirmationSettings(elderId: string, input: ConfirmationSettingsInput): Promise<ConfirmationSettingsInput> {
  return expectRecord<ConfirmationSettingsInput>(
    await api.put(`/api/elders/${enc(elderId)}/confirmation`, input),
    ['confirmOrders', 'timeoutMinutes', 'onTimeout'],
  )
}
