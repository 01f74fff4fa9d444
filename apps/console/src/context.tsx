import type { RegionView } from '@carecircle/shared';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api';
import { currentMonth } from './lib/format';
import { defaultRegionId } from './lib/regions';
import { useAsync } from './lib/useAsync';

interface ConsoleState {
  regions: RegionView[];
  regionsError: unknown;
  regionsLoading: boolean;
  reloadRegions(): void;
  /** The region and month the figures pages look at; shared so a drill-down keeps them. */
  regionId: string | null;
  setRegionId(id: string): void;
  month: string;
  setMonth(month: string): void;
}

const ConsoleContext = createContext<ConsoleState | null>(null);

export function ConsoleProvider({ children }: { children: ReactNode }) {
  const regions = useAsync(() => api.regions(), []);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [month, setMonth] = useState(currentMonth());

  useEffect(() => {
    if (!regionId && regions.data?.length) setRegionId(defaultRegionId(regions.data));
  }, [regions.data, regionId]);

  const value = useMemo<ConsoleState>(
    () => ({
      regions: regions.data ?? [],
      regionsError: regions.error,
      regionsLoading: regions.loading,
      reloadRegions: regions.reload,
      regionId,
      setRegionId,
      month,
      setMonth,
    }),
    [regions.data, regions.error, regions.loading, regions.reload, regionId, month],
  );
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleState {
  const ctx = useContext(ConsoleContext);
  if (!ctx) throw new Error('useConsole outside ConsoleProvider');
  return ctx;
}
