const ELDER_ROOT = '/subpackages/elder/pages'

function query(params: Record<string, string | null | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** What every elder-mode page is opened with: whose 长辈版, and whether a family member is only looking. */
export interface ElderModeParams {
  /** Omitted for the elder's own login (the server knows who they are). */
  elderId?: string | null
  /** A family member looking at what the elder sees: 一键呼叫 runs as a drill, answers are not sent. */
  preview?: boolean
}

function modeQuery(p: ElderModeParams = {}, extra: Record<string, string | null | undefined> = {}): string {
  return query({ elderId: p.elderId ?? null, preview: p.preview ? '1' : null, ...extra })
}

/** Paths of the 长辈版 sub-package pages. */
export const elderRoutes = {
  home: (p?: ElderModeParams) => `${ELDER_ROOT}/home/index${modeQuery(p)}`,
  today: (p?: ElderModeParams) => `${ELDER_ROOT}/today/index${modeQuery(p)}`,
  family: (p?: ElderModeParams) => `${ELDER_ROOT}/family/index${modeQuery(p)}`,
  meal: (p?: ElderModeParams) => `${ELDER_ROOT}/meal/index${modeQuery(p)}`,
  /** `sosId` reopens a call already running (from the home card); `drill` is the family's 演练. */
  sos: (p?: ElderModeParams & { sosId?: string | null; drill?: boolean }) =>
    `${ELDER_ROOT}/sos/index${modeQuery(p, { sosId: p?.sosId ?? null, drill: p?.drill ? '1' : null })}`,
  /** On the elder's phone: type the code a family member generated. */
  bind: () => `${ELDER_ROOT}/bind/index`,
  /** Family side: which elders use 长辈版 on this device, preview. */
  settings: () => `${ELDER_ROOT}/settings/index`,
  /** Family side, one elder: binding code, confirmation of proxy orders, SOS drill. */
  setup: (elderId: string) => `${ELDER_ROOT}/setup/index${query({ elderId })}`,
}

/** Reads the mode params back from a page's router params. */
export function parseModeParams(params: Record<string, string | undefined>): ElderModeParams {
  return { elderId: decoded(params.elderId), preview: params.preview === '1' }
}

/** weapp hands query values over still URL-encoded, the H5 router decoded; ids survive decoding twice. */
export function decoded(raw: string | undefined): string | null {
  if (!raw) return null
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
