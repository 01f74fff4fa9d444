import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** Runs `fn` when `deps` change (and on reload); a late answer to an older call is dropped. */
export function useAsync<T>(fn: () => Promise<T>, deps: readonly unknown[], options: { skip?: boolean } = {}): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(!options.skip);
  const [tick, setTick] = useState(0);
  const call = useRef(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  useEffect(() => {
    if (options.skip) {
      setLoading(false);
      return;
    }
    const mine = ++call.current;
    setLoading(true);
    setError(undefined);
    fnRef.current().then(
      (value) => {
        if (mine !== call.current) return;
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== call.current) return;
        setError(err);
        setData(undefined);
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, options.skip]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}
