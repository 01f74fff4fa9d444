import { useEffect, useRef, useState } from 'react'
import { HOLD_IDLE, HoldController, type HoldState } from '../../logic/hold'

/** The press-and-hold button's state for rendering, and the handlers for its touch events. */
export function useHold(onFire: () => void) {
  const [state, setState] = useState<HoldState>(HOLD_IDLE)
  const fire = useRef(onFire)
  fire.current = onFire
  const controller = useRef<HoldController | null>(null)
  if (!controller.current) controller.current = new HoldController(setState, () => fire.current())

  useEffect(() => () => controller.current?.dispose(), [])

  return {
    state,
    press: () => controller.current?.press(),
    release: () => controller.current?.release(),
    reset: () => controller.current?.reset(),
  }
}
