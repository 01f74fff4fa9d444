import type { ElderHomeView, MeView } from '@carecircle/shared'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo } from 'react'
import { getMe } from '../../services/auth'
import { getElderHome } from '../../services/elder'
import { getDeviceElderMode, leaveElderMode, setDeviceElderMode } from '../../services/elder-mode'
import { type ElderModeParams, parseModeParams } from '../../services/elder-routes'
import { goBackOr } from '../../services/navigation'

export interface ElderScreen {
  me: MeView
  home: ElderHomeView
  /** The elder's own login (not a family member on their device or previewing). */
  self: boolean
}

/** Who is looking and what the elder's home holds; a device switch left by another account is dropped. */
export async function loadElderScreen(params: ElderModeParams): Promise<ElderScreen> {
  const me = await getMe()
  const stored = getDeviceElderMode()
  if (stored && stored.userId !== me.id) setDeviceElderMode(null)
  const home = await getElderHome(params.elderId ?? (me.elderId ? null : stored?.userId === me.id ? stored.elderId : null))
  return { me, home, self: me.elderId === home.elderId }
}

/** The mode params of the current page (elderId, preview), parsed once. */
export function useModeParams(): ElderModeParams {
  const { params } = useRouter()
  return useMemo(() => parseModeParams(params as Record<string, string | undefined>), [params])
}

/** What to keep in links to the other elder pages: the elder's own login needs no id. */
export function linkParams(screen: ElderScreen | undefined, params: ElderModeParams): ElderModeParams {
  if (!screen) return params
  return screen.self && !params.preview ? {} : { elderId: screen.home.elderId, preview: params.preview }
}

/** The way out of a page that cannot load (a stale device switch, an elder no longer in the family). */
export function exitFor(params: ElderModeParams): { label: string; onClick: () => void } {
  if (params.preview) return { label: '退出预览', onClick: () => goBackOr() }
  return { label: '回到普通版', onClick: () => void leaveElderMode() }
}

/** Back to the elder home from a sub-page: back when it came from there, else opened fresh. */
export function backToElderHome(homeUrl: string): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack().catch(() => Taro.reLaunch({ url: homeUrl }))
  else Taro.reLaunch({ url: homeUrl }).catch(() => undefined)
}
