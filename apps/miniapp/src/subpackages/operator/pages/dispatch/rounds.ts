import type { DispatchCandidateView, DispatchRoundView } from '@carecircle/shared'

export interface Person {
  staffId: string
  staffName: string
}

export interface TriedCandidate extends DispatchCandidateView {
  /** The round they were offered the order in (with the score and distance of that round). */
  roundNo: number
  /** How the offer ended (已婉拒 / 超时未响应 …), when the server says. */
  outcome: string | null
}

export interface RoundsSummary {
  roundCount: number
  maxRadiusMeters: number
  /** Everyone who was offered the order, in the order they were asked (none of them took it). */
  tried: TriedCandidate[]
  /** The ranking of the last round, minus those already tried: who else could take it. */
  untried: DispatchCandidateView[]
  /** Why the rest were passed over in the last round, one group per reason, biggest first. */
  skippedByReason: { reason: string; people: Person[] }[]
}

/**
 * Dispatch keeps one round per offer, so an escalated order may have a dozen rounds that mostly
 * repeat each other. The operator needs who was tried (with their scores), who else is ranked,
 * and why the others were skipped.
 */
export function summarizeRounds(rounds: readonly DispatchRoundView[]): RoundsSummary {
  const sorted = [...rounds].sort((a, b) => a.roundNo - b.roundNo)
  const tried: TriedCandidate[] = []
  const seen = new Set<string>()
  for (const r of sorted) {
    for (const staffId of r.offeredTo) {
      if (seen.has(staffId)) continue
      const candidate = r.candidates.find((c) => c.staffId === staffId)
      if (!candidate) continue
      seen.add(staffId)
      const offer = (r.offers ?? []).find((o) => o.staffId === staffId)
      tried.push({ ...candidate, roundNo: r.roundNo, outcome: offer?.statusLabel ?? null })
    }
  }
  const latest = sorted.length ? sorted[sorted.length - 1] : null
  const groups = new Map<string, Person[]>()
  for (const s of latest?.skipped ?? []) {
    const list = groups.get(s.reason) ?? []
    list.push({ staffId: s.staffId, staffName: s.staffName })
    groups.set(s.reason, list)
  }
  return {
    roundCount: sorted.length,
    maxRadiusMeters: sorted.reduce((m, r) => Math.max(m, r.radiusMeters), 0),
    tried,
    untried: (latest?.candidates ?? []).filter((c) => !seen.has(c.staffId)),
    skippedByReason: [...groups].map(([reason, people]) => ({ reason, people })).sort((a, b) => b.people.length - a.people.length),
  }
}
