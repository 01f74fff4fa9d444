import { act, renderHook, waitFor } from '@testing-library/react'
import { useSubmit } from '../useSubmit'

describe('useSubmit', () => {
  it('shows submitting while the action runs and ignores taps until it is done', async () => {
    let finish!: () => void
    const action = jest.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve
        }),
    )
    const { result } = renderHook(() => useSubmit(action))
    expect(result.current.submitting).toBe(false)

    let first!: Promise<void>
    act(() => {
      first = result.current.run()
      void result.current.run() // a second tap while saving
    })
    expect(result.current.submitting).toBe(true)
    expect(action).toHaveBeenCalledTimes(1)

    await act(async () => {
      finish()
      await first
    })
    expect(result.current.submitting).toBe(false)

    act(() => {
      void result.current.run()
    })
    expect(action).toHaveBeenCalledTimes(2)
    await act(async () => finish())
  })

  it('clears the loading state even when the action throws', async () => {
    const { result } = renderHook(() => useSubmit(async () => {
      throw new Error('boom')
    }))
    await act(async () => {
      await result.current.run().catch(() => undefined)
    })
    await waitFor(() => expect(result.current.submitting).toBe(false))
  })
})
