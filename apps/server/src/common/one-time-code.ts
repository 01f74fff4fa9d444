import { randomInt } from 'node:crypto';

// No 0/O or 1/I: codes are read aloud and typed by elders' children on a phone.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * 32^10 ≈ 1.1 × 10^15 codes. Redemption is limited to 30 tries per IP and 10 per user in 15 minutes
 * (RateLimit('code')): 100 IPs guessing for a week against 10,000 open codes hit one with
 * probability ≈ 2 × 10^-5.
 */
export const ONE_TIME_CODE_LENGTH = 10;

/** A one-time code for invites and elder logins, from a CSPRNG. */
export function oneTimeCode(): string {
  return Array.from({ length: ONE_TIME_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
