import { getCurrentLocation } from './location'
import { reportLocation } from './staff'
import { isOnDutyHere } from './storage'

const REPORT_EVERY_MS = 30_000

let timer: ReturnType<typeof setInterval> | null = null

async function report(): Promise<void> {
  // Logged out or went off duty elsewhere in the app since the timer started.
  if (!isOnDutyHere()) {
    stopPresence()
    return
  }
  const location = await getCurrentLocation()
  // No position (denied, no signal): skip this round silently; dispatch keeps the last one.
  if (!location) return
  await reportLocation(location).catch(() => undefined)
}

/**
 * While a staff member is on duty and the app is open, their position goes to the server about
 * every 30 s so dispatch can find them. Started by 上班 and on app show; stopped by 下班 and on hide.
 */
export function startPresence(): void {
  if (timer || !isOnDutyHere()) return
  void report()
  timer = setInterval(() => void report(), REPORT_EVERY_MS)
}

export function stopPresence(): void {
  if (timer) clearInterval(timer)
  timer = null
}
