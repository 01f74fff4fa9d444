/** The server accepts 8–64 of these characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

function randomChars(count: number): string {
  const bytes = new Uint8Array(count)
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') {
    crypto.getRandomValues(bytes)
  } else {
    // weapp has no Web Crypto; uniqueness per user is all the key needs.
    for (let i = 0; i < count; i++) bytes[i] = Math.floor(Math.random() * 256)
  }
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}

export function newIdempotencyKey(now: number = Date.now()): string {
  return `o${now.toString(36)}-${randomChars(16)}`
}

export interface IdempotentSubmitter<I, O> {
  /** The key this form session sends. */
  readonly key: string
  /**
   * Sends the input with this session's key. Every retry of the session (after a timeout, a lost
   * response, a validation error the user fixed) reuses the key, so the server answers a repeat
   * with the order it already made instead of making a second one. Once it succeeded, a further
   * tap returns the same result without asking again.
   */
  submit(input: I): Promise<O>
  /** A new order (再下一单): a new key. */
  reset(): void
}

export function createIdempotentSubmitter<I, O>(
  send: (input: I, key: string) => Promise<O>,
  makeKey: () => string = () => newIdempotencyKey(),
): IdempotentSubmitter<I, O> {
  let key = makeKey()
  let result: O | undefined
  return {
    get key() {
      return key
    },
    async submit(input) {
      if (result !== undefined) return result
      const out = await send(input, key)
      result = out
      return out
    },
    reset() {
      key = makeKey()
      result = undefined
    },
  }
}
