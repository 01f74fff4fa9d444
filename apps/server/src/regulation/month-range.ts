/** A calendar month in Shanghai time: its first and last day, and the UTC instants [from, to) it spans. */
export function monthRange(month: string): { first: string; last: string; from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    first: `${month}-01`,
    last: `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`,
    from: new Date(`${month}-01T00:00:00+08:00`),
    to: new Date(`${next}-01T00:00:00+08:00`),
  };
}
