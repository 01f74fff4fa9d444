/** A Shanghai wall-clock time (UTC+8; month 0-based as in Date), whatever zone the test machine is in. */
export const shanghai = (y: number, month: number, d: number, h: number, min: number) => new Date(Date.UTC(y, month, d, h - 8, min))
