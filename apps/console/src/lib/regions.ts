import type { RegionView } from '@carecircle/shared';

export interface RegionNode {
  title: string;
  value: string;
  level: RegionView['level'];
  children: RegionNode[];
}

const LEVEL_ORDER: Record<RegionView['level'], number> = { district: 0, street: 1, community: 2 };

/** The flat /regions list as a tree (district → street → community) for pickers. */
export function regionTree(regions: readonly RegionView[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const r of regions) nodes.set(r.id, { title: r.name, value: r.id, level: r.level, children: [] });
  const roots: RegionNode[] = [];
  for (const r of regions) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: RegionNode[]) => {
    list.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.title.localeCompare(b.title, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Where an operator starts: the first street (their 街道), else the first region. */
export function defaultRegionId(regions: readonly RegionView[]): string | null {
  return (regions.find((r) => r.level === 'street') ?? regions[0])?.id ?? null;
}

export function regionName(regions: readonly RegionView[], id: string | null | undefined): string {
  return regions.find((r) => r.id === id)?.name ?? '—';
}
