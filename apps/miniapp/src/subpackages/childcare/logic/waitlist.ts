import type { PriorityEvidenceInput, PriorityFactView, WaitlistEntryView } from '@carecircle/shared'
import { shanghaiClock, shanghaiParts } from '@carecircle/shared'
import { ApiError } from '../../../services/api-error'
import { monthLong } from './calendar'

/**
 * Priority facts a parent may declare when joining the waitlist (the region's rules score them).
 * Each needs a short evidence note the centre or the 街道 checks before it scores; 同胞已在本园 is
 * read from the centre's own records, so it is not declared here.
 */
export const PRIORITY_FACTS = [
  { value: 'multi_child', label: '多孩家庭', hint: '家中有两个及以上未成年子女', placeholder: '如：二孩出生证明编号、户口簿上的子女信息' },
  { value: 'dual_working', label: '双职工家庭', hint: '父母双方均在职', placeholder: '如：父母双方的在职证明（单位名称）' },
] as const
export type PriorityFact = (typeof PRIORITY_FACTS)[number]['value']

/** The server's limit on one evidence note. */
export const EVIDENCE_NOTE_MAX = 300

export function priorityFactLabel(fact: string): string {
  return PRIORITY_FACTS.find((f) => f.value === fact)?.label ?? fact
}

/** A message per ticked fact whose note is missing or too long (empty: all fine). */
export function validateEvidence(facts: readonly string[], notes: Readonly<Record<string, string>>): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const fact of facts) {
    const note = (notes[fact] ?? '').trim()
    if (!note) errors[fact] = `请写明「${priorityFactLabel(fact)}」的证明，机构核验通过后才计分`
    else if (note.length > EVIDENCE_NOTE_MAX) errors[fact] = `证明说明最多 ${EVIDENCE_NOTE_MAX} 个字`
  }
  return errors
}

/** `priorityEvidence` for the ticked facts, in the order they were ticked (notes of unticked facts are not sent). */
export function evidenceInput(facts: readonly string[], notes: Readonly<Record<string, string>>): PriorityEvidenceInput[] {
  return facts.map((fact) => ({ fact, note: (notes[fact] ?? '').trim() }))
}

/**
 * The server's refusals about evidence, next to the fact they are about: a nested field
 * (`priorityEvidence.1.note`) names the sent item by index; the service's own check names the fact
 * by its label (「多孩家庭」缺少证明说明). Anything else is not placed (empty result).
 */
export function evidenceErrorsFromApi(err: unknown, sent: readonly PriorityEvidenceInput[]): Record<string, string> {
  if (!(err instanceof ApiError)) return {}
  const errors: Record<string, string> = {}
  for (const { field, message } of err.fieldErrors) {
    const indexed = /^priorityEvidence\.(\d+)(?:\.|$)/.exec(field)
    let fact: string | undefined
    if (indexed) fact = sent[Number(indexed[1])]?.fact
    else if (field === 'priorityEvidence') fact = sent.find((e) => message.includes(`「${priorityFactLabel(e.fact)}」`))?.fact
    if (fact && !(fact in errors)) errors[fact] = message
  }
  return errors
}

/** 排第 3 位 while waiting; otherwise the status in words. */
export function positionText(entry: Pick<WaitlistEntryView, 'status' | 'position' | 'statusLabel'>): string {
  if (entry.status === 'waiting' && typeof entry.position === 'number') return `排第 ${entry.position} 位`
  return entry.statusLabel
}

/** 前面还有 2 位 / 您排在最前面 */
export function aheadText(position: number | null): string | null {
  if (position === null) return null
  return position <= 1 ? '您排在最前面，有空位会先为您保留' : `前面还有 ${position - 1} 位`
}

/**
 * Why the entry sits where it does: the server's reasons (多孩家庭 +30 …, 同分按登记先后), with the
 * score they add up to. An entry with no extra points says so.
 */
export function reasonLines(entry: Pick<WaitlistEntryView, 'reasons' | 'score' | 'facts'>): string[] {
  const lines = [...entry.reasons]
  if (entry.facts.length === 0 && entry.score === 0) lines.unshift('未申报优先条件（得分 0）')
  return lines
}

/** +30 分 once verified; what it would add while pending; nothing once refused. */
export function factPointsText(fact: Pick<PriorityFactView, 'status' | 'points'>): string {
  if (fact.status === 'verified') return `已计分 +${fact.points}`
  if (fact.status === 'pending') return `核验通过后 +${fact.points}`
  return '不计分'
}

/** 申请 2026年12月起入托, and once confirmed the month the place really starts in. */
export function monthText(entry: Pick<WaitlistEntryView, 'requestedMonth' | 'startMonth'>): string {
  if (entry.startMonth && entry.startMonth !== entry.requestedMonth) return `入托月份：${monthLong(entry.startMonth)}起（申请的是 ${monthLong(entry.requestedMonth)}）`
  return `入托月份：${monthLong(entry.startMonth ?? entry.requestedMonth)}起${entry.startMonth ? '' : '（申请）'}`
}

export const ORDER_RULE = '排序规则：得分高的在前；得分相同，先登记的在前。'

/** 5月22日 14:00 on Shanghai's clock. */
export function deadlineText(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const { month, day } = shanghaiParts(d)
  return `${month}月${day}日 ${shanghaiClock(d)}`
}

/** 还剩 47 小时 5 分 / 还剩 12 分钟 / 已过确认时限 */
export function timeLeftText(iso: string, nowMs: number): string {
  const ms = new Date(iso).getTime() - nowMs
  if (Number.isNaN(ms) || ms <= 0) return '已过确认时限'
  const minutes = Math.ceil(ms / 60_000)
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `还剩 ${rest} 分钟`
  return rest === 0 ? `还剩 ${hours} 小时` : `还剩 ${hours} 小时 ${rest} 分`
}

/** An offer the parent can still answer. */
export function isOpenOffer(entry: Pick<WaitlistEntryView, 'status' | 'offerExpiresAt'>, nowMs: number): boolean {
  return entry.status === 'offered' && entry.offerExpiresAt !== null && new Date(entry.offerExpiresAt).getTime() > nowMs
}

/** Entries that still need the family (offers, waiting) before finished ones. */
export function sortEntries<T extends Pick<WaitlistEntryView, 'status' | 'createdAt'>>(entries: readonly T[]): T[] {
  const rank = (s: string) => (s === 'offered' ? 0 : s === 'waiting' ? 1 : 2)
  return [...entries].sort((a, b) => rank(a.status) - rank(b.status) || b.createdAt.localeCompare(a.createdAt))
}

/** Waitlist history events, as the centre reads them. */
export const LOG_EVENT_LABELS: Record<string, string> = {
  joined: '加入轮候',
  offered: '保留托位',
  accepted: '确认入托',
  declined: '家长放弃',
  expired: '逾期未确认',
  cancelled: '退出轮候',
  skipped: '跳过',
  fact_verified: '优先条件核验通过',
  fact_rejected: '优先条件核验未通过',
  month_moved: '入托月份顺延',
}

export function logEventLabel(event: string): string {
  return LOG_EVENT_LABELS[event] ?? event
}

/** Log notes carry ISO times (保留至 2026-05-22T06:00:00.000Z): shown in local words. */
export function logNoteText(note: string | null): string {
  if (!note) return ''
  return note.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, (iso) => deadlineText(iso))
}

/** The same entry as the centre reads it (the parent-facing 已为您保留… would be wrong there). */
export const CENTRE_STATUS_LABELS: Record<string, string> = {
  offered: '已保留 · 待家长确认',
  accepted: '已入托',
  declined: '家长已放弃',
  expired: '逾期未确认',
  cancelled: '已退出轮候',
}

export function centrePositionText(entry: Pick<WaitlistEntryView, 'status' | 'position' | 'statusLabel'>): string {
  if (entry.status === 'waiting') return positionText(entry)
  return CENTRE_STATUS_LABELS[entry.status] ?? entry.statusLabel
}

/** Entries still in play: waiting, or holding a place. */
export function isLive(entry: Pick<WaitlistEntryView, 'status'>): boolean {
  return entry.status === 'waiting' || entry.status === 'offered'
}
