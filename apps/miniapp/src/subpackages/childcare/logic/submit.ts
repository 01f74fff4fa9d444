import { AGE_CLASSES, ErrorCode, type AgeClass, type EnrolInput, type EnrolResultView } from '@carecircle/shared'
import { ApiError, errorMessage } from '../../../services/api-error'
import { newIdempotencyKey } from '../../../utils/idempotency'

/** Same fields in the same order → same text, whatever order the form filled them in. */
function canonical(input: EnrolInput): string {
  const facts = input.priorityFacts ? [...input.priorityFacts].sort() : undefined
  const evidence = input.priorityEvidence ? [...input.priorityEvidence].sort((a, b) => a.fact.localeCompare(b.fact)).map((e) => [e.fact, e.note]) : undefined
  return JSON.stringify([input.childId, input.classId, input.careType, input.startMonth ?? null, input.date ?? null, input.startTime ?? null, input.endTime ?? null, input.waitlistIfFull ?? false, facts ?? null, evidence ?? null])
}

/** A 4xx answer means the server made nothing with the key: a changed request may take a new one. */
function definitelyRefused(err: unknown): boolean {
  return err instanceof ApiError && err.statusCode >= 400 && err.statusCode < 500 && err.error !== ErrorCode.IDEMPOTENCY_KEY_REUSED
}

export interface EnrolSubmitter {
  readonly key: string
  submit(input: EnrolInput): Promise<EnrolResultView>
}

/**
 * One Idempotency-Key per booking, reused on every retry of it. The key changes only when the parent
 * changes what they ask for after the server definitely refused the last try (全满 → 加入轮候, another
 * month after an age refusal). After a lost answer (network, 5xx) the key stays whatever changes, so
 * a booking that did go through is never made twice (the server then answers KEY_REUSED).
 */
export function createEnrolSubmitter(
  send: (input: EnrolInput, key: string) => Promise<EnrolResultView>,
  makeKey: () => string = () => newIdempotencyKey(),
): EnrolSubmitter {
  let key = makeKey()
  let lastSent: string | null = null
  let lastRefused = false
  let done: { body: string; result: EnrolResultView } | null = null
  return {
    get key() {
      return key
    },
    async submit(input) {
      const body = canonical(input)
      if (done && done.body === body) return done.result
      if (lastSent !== null && body !== lastSent && (lastRefused || done)) key = makeKey()
      lastSent = body
      try {
        const result = await send(input, key)
        lastRefused = false
        done = { body, result }
        return result
      } catch (err) {
        lastRefused = definitelyRefused(err)
        throw err
      }
    },
  }
}

/** What went wrong with a booking, as the class page shows it. */
export type EnrolProblem =
  | { kind: 'age'; message: string; suitableClass: AgeClass | null; suitableLabel: string | null }
  | { kind: 'full'; message: string; canWaitlist: boolean }
  | { kind: 'already'; message: string }
  | { kind: 'maybe-done'; message: string }
  | { kind: 'other'; message: string }

function isAgeClass(value: unknown): value is AgeClass {
  return typeof value === 'string' && value in AGE_CLASSES
}

export function enrolProblem(err: unknown): EnrolProblem {
  if (err instanceof ApiError) {
    const details = (err.details ?? {}) as Record<string, unknown>
    switch (err.error) {
      case ErrorCode.AGE_DOES_NOT_FIT: {
        const suitable = isAgeClass(details.suitableClass) ? details.suitableClass : null
        return { kind: 'age', message: err.message, suitableClass: suitable, suitableLabel: suitable ? AGE_CLASSES[suitable].label : null }
      }
      case ErrorCode.CLASS_FULL:
        return { kind: 'full', message: err.message, canWaitlist: details.canWaitlist === true }
      case ErrorCode.ALREADY_ENROLLED:
        return { kind: 'already', message: err.message }
      case ErrorCode.IDEMPOTENCY_KEY_REUSED:
        return { kind: 'maybe-done', message: '刚才的预约可能已经提交成功。为避免重复预约，请先到「我的托育」查看。' }
    }
  }
  return { kind: 'other', message: errorMessage(err, '预约失败，请稍后再试') }
}
