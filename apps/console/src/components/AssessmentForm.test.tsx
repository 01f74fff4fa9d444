import { ASSESSMENT_DOMAINS, gradeForTotal } from '@carecircle/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { liveScore } from '../lib/assessment';
import { AssessmentForm } from './AssessmentForm';

const ITEMS = ASSESSMENT_DOMAINS.flatMap((d) => d.items);

/** Clicks score `value` on the item's row (radio buttons 0…max). */
function choose(code: string, value: number) {
  const input = document.querySelector<HTMLInputElement>(`[data-item="${code}"] input[type="radio"][value="${value}"]`);
  if (!input) throw new Error(`no score ${value} for ${code}`);
  fireEvent.click(input);
}

const total = () => screen.getByTestId('assessment-total').textContent ?? '';
const grade = () => screen.getByTestId('assessment-grade').textContent ?? '';

describe('liveScore', () => {
  it('sums what is answered and grades only a complete form, with the shared scoring', () => {
    expect(liveScore({})).toMatchObject({ answered: 0, complete: false, total: 0, max: 90, grade: null });
    const all = Object.fromEntries(ITEMS.map((i) => [i.code, i.max]));
    expect(liveScore(all)).toMatchObject({ answered: 26, complete: true, total: 90, grade: 'intact', gradeLabel: '能力完好' });
    const partial = { ...all };
    delete partial.eating;
    expect(liveScore(partial)).toMatchObject({ answered: 25, complete: false, total: 86, grade: null });
    // thresholds of GB/T 42195: 66 mild, 46 moderate, 30 severe, below 30 total
    const at = (t: number) => {
      let left = t;
      const items: Record<string, number> = {};
      for (const i of ITEMS) {
        items[i.code] = Math.min(i.max, left);
        left -= items[i.code];
      }
      return liveScore(items);
    };
    expect(at(66).gradeLabel).toBe('轻度失能');
    expect(at(65).gradeLabel).toBe('中度失能');
    expect(at(46).grade).toBe(gradeForTotal(46));
    expect(at(30).gradeLabel).toBe('重度失能');
    expect(at(29).gradeLabel).toBe('完全失能');
  });
});

describe('AssessmentForm', () => {
  it('shows the 26 items grouped by the four domains', () => {
    render(<AssessmentForm onSubmit={() => undefined} />);
    for (const d of ASSESSMENT_DOMAINS) expect(screen.getByText(new RegExp(`^${d.label}（`))).toBeTruthy();
    expect(document.querySelectorAll('[data-item]')).toHaveLength(26);
    expect(document.querySelectorAll('[data-item="aggression"] input[type="radio"]')).toHaveLength(2); // 0–1
    expect(grade()).toContain('已填 0/26 项');
  });

  it('updates total and grade live as items are scored', () => {
    render(<AssessmentForm onSubmit={() => undefined} />);
    choose('eating', 3);
    expect(total()).toMatch(/^3\s*\/\s*90/);
    expect(grade()).toContain('已填 1/26 项');
    for (const i of ITEMS) if (i.code !== 'eating') choose(i.code, i.max);
    expect(total()).toMatch(/^89/);
    expect(grade()).toBe('轻度失能');
    choose('eating', 4);
    expect(total()).toMatch(/^90/);
    expect(grade()).toBe('能力完好');
    // a heavily impaired elder: self-care and mobility at 0
    for (const d of ASSESSMENT_DOMAINS.slice(0, 2)) for (const i of d.items) choose(i.code, 0);
    expect(total()).toMatch(/^42/);
    expect(grade()).toBe('重度失能');
  });

  it('fills the rest of a domain with full marks on request', () => {
    render(<AssessmentForm onSubmit={() => undefined} />);
    choose('vision', 1);
    const card = screen.getByText(/^感知觉与社会参与（/).closest('.ant-card') as HTMLElement;
    fireEvent.click(within(card).getByText('其余项记满分'));
    expect(total()).toMatch(/^13/); // 1 + 2 + 4 + 2 + 4
  });

  it('submits every item with the date only once complete', () => {
    const onSubmit = vi.fn();
    render(<AssessmentForm onSubmit={onSubmit} />);
    choose('eating', 2);
    fireEvent.click(screen.getByText('提交评估'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('还有 25 项未填')).toBeTruthy();
    for (const i of ITEMS) if (i.code !== 'eating') choose(i.code, i.max);
    fireEvent.click(screen.getByText('提交评估'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const input = onSubmit.mock.calls[0][0] as { assessedOn: string; items: Record<string, number> };
    expect(input.assessedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(input.items)).toHaveLength(26);
    expect(input.items.eating).toBe(2);
    expect(input.items.social).toBe(4);
  });

  it('shows the server’s message next to the item it names', () => {
    render(<AssessmentForm onSubmit={() => undefined} fieldErrors={[{ field: 'items.memory', message: '「记忆」应为 0–4 的整数' }]} />);
    expect(screen.getByText('「记忆」应为 0–4 的整数')).toBeTruthy();
  });
});
