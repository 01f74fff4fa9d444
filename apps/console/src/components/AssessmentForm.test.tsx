import { ASSESSMENT_DOMAINS, gradeForTotal } from '@carecircle/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { today } from '../lib/format';
import { liveScore, NO_FACTS } from '../lib/assessment';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentOutcome } from './AssessmentOutcome';

const ITEMS = ASSESSMENT_DOMAINS.flatMap((d) => d.items);

/** Clicks score `value` on the item's row (radio buttons 0…max). */
function choose(code: string, value: number) {
  const input = document.querySelector<HTMLInputElement>(`[data-item="${code}"] input[type="radio"][value="${value}"]`);
  if (!input) throw new Error(`no score ${value} for ${code}`);
  fireEvent.click(input);
}

const total = () => screen.getByTestId('assessment-total').textContent ?? '';
const grade = () => screen.getByTestId('assessment-grade').textContent ?? '';
const rules = () => screen.getByTestId('assessment-rules').textContent ?? '';

/** Full marks as GB/T 42195-2022 附录B gives them (B.2.4 上下楼梯 and B.4.4 使用交通工具外出 go to 3): 90. */
const FULL: Record<string, number> = {
  eating: 4, grooming: 4, bathing: 4, dressing_upper: 4, dressing_lower: 4, bladder: 4, bowel: 4, toileting: 4,
  bed_transfer: 4, chair_transfer: 4, walking: 4, stairs: 3,
  time_orientation: 4, space_orientation: 4, person_orientation: 4, memory: 4, understanding: 4, expression: 4, aggression: 1, depression: 1, consciousness: 2,
  vision: 2, hearing: 2, daily_affairs: 4, tools: 3, social: 4,
};

/** Types a date into an antd DatePicker found by its label and confirms it. */
function pickDate(label: string, date: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

/** A diagnosis or risk-event row of the 能力等级变更依据 card. */
const row = (kind: 'diagnosis' | 'risk-event', i: number) => document.querySelector(`[data-${kind}="${i}"]`) as HTMLElement;

const daysAgo = (n: number) => dayjs(today()).subtract(n, 'day').format('YYYY-MM-DD');

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

  it('keeps the grade by the total beside the final grade after the C.4 rules', () => {
    const all = Object.fromEntries(ITEMS.map((i) => [i.code, i.max]));
    const day = '2026-11-20';
    // 90 − 3 × 8 (self-care items at 1) = 66: 轻度失能 by the total.
    const mild = { ...all, eating: 1, grooming: 1, bathing: 1, dressing_upper: 1, dressing_lower: 1, bladder: 1, bowel: 1, toileting: 1 };
    expect(liveScore(mild, NO_FACTS, day)).toMatchObject({ total: 66, rawGrade: 'mild', grade: 'mild', rules: [] });
    expect(liveScore(mild, { ...NO_FACTS, diagnoses: [{ kind: 'dementia' }] }, day)).toMatchObject({ rawGrade: 'mild', grade: 'moderate', gradeLabel: '中度失能', rules: [{ code: 'dementia' }] });
    // A disorder not diagnosed by a psychiatrist does not raise it.
    expect(liveScore(mild, { ...NO_FACTS, diagnoses: [{ kind: 'mental_disorder' }] }, day)).toMatchObject({ grade: 'mild', rules: [] });
    // Two events in the 30 days (2026-10-22 is the 30th day back), one outside (2026-10-21).
    const twoIn = [{ type: 'fall' as const, date: '2026-10-22' }, { type: 'choking' as const, date: '2026-11-20' }];
    expect(liveScore(mild, { ...NO_FACTS, riskEvents: twoIn }, day)).toMatchObject({ grade: 'moderate', riskEventsInWindow: 2, rules: [{ code: 'care_risk_events' }] });
    expect(liveScore(mild, { ...NO_FACTS, riskEvents: [twoIn[1], { type: 'fall', date: '2026-10-21' }] }, day)).toMatchObject({ grade: 'mild', riskEventsInWindow: 1 });
    // Several reasons: still one level.
    expect(liveScore(mild, { coma: false, diagnoses: [{ kind: 'dementia' }], riskEvents: twoIn }, day)).toMatchObject({ grade: 'moderate' });
    // Coma: 完全失能 whatever the total (88 here, 意识水平 0).
    expect(liveScore({ ...all, consciousness: 0 }, { ...NO_FACTS, coma: true }, day)).toMatchObject({ total: 88, rawGrade: 'mild', grade: 'total', rules: [{ code: 'coma' }] });
    // An event without a date yet is named, and does not count.
    expect(liveScore(mild, { ...NO_FACTS, riskEvents: [{ type: 'fall' }] }, day).errors.map((e) => e.field)).toEqual(['riskEvents.0.date']);
  });
});

describe('AssessmentForm', () => {
  it('shows the 26 items grouped by the four domains', () => {
    render(<AssessmentForm onSubmit={() => undefined} />);
    for (const d of ASSESSMENT_DOMAINS) expect(screen.getByText(new RegExp(`^${d.label}（`))).toBeTruthy();
    expect(document.querySelectorAll('[data-item]')).toHaveLength(26);
    expect(document.querySelectorAll('[data-item="aggression"] input[type="radio"]')).toHaveLength(2); // B.3.7: 0–1
    expect(document.querySelectorAll('[data-item="stairs"] input[type="radio"]')).toHaveLength(4); // B.2.4: 0–3
    expect(document.querySelectorAll('[data-item="tools"] input[type="radio"]')).toHaveLength(4); // B.4.4: 0–3
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
    // a heavily impaired elder: self-care (32) and mobility (15) at 0: 90 − 47 = 43
    for (const d of ASSESSMENT_DOMAINS.slice(0, 2)) for (const i of d.items) choose(i.code, 0);
    expect(total()).toMatch(/^43/);
    expect(grade()).toBe('重度失能');
  });

  it('fills the rest of a domain with full marks on request', () => {
    render(<AssessmentForm onSubmit={() => undefined} />);
    choose('vision', 1);
    const card = screen.getByText(/^感知觉与社会参与（/).closest('.ant-card') as HTMLElement;
    fireEvent.click(within(card).getByText('其余项记满分'));
    expect(total()).toMatch(/^14/); // 1 + 2 + 4 + 3 + 4 (B.4.4 使用交通工具外出 full marks are 3)
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
    expect(input).toMatchObject({ coma: false, diagnoses: [], riskEvents: [] });
  });

  it('raises the final grade for a recorded dementia diagnosis and shows which rule did', () => {
    const onSubmit = vi.fn();
    render(<AssessmentForm onSubmit={onSubmit} initial={FULL} />);
    choose('eating', 3); // 89: 轻度失能
    expect(grade()).toBe('轻度失能');
    expect(rules()).toContain('无等级变更依据');
    fireEvent.click(screen.getByText('添加诊断'));
    fireEvent.change(screen.getByLabelText('诊断 1 名称'), { target: { value: '阿尔茨海默病' } });
    expect(grade()).toBe('中度失能');
    expect(screen.getByTestId('assessment-raw-grade').textContent).toBe('按总分的初步等级：轻度失能');
    expect(rules()).toContain('由轻度失能提高一个等级');
    expect(rules()).toContain('确诊痴呆');
    expect(total()).toMatch(/^89/); // the raw total stays
    fireEvent.click(screen.getByText('提交评估'));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ diagnoses: [{ kind: 'dementia', name: '阿尔茨海默病' }], riskEvents: [] });
  });

  it('counts only a psychiatrist’s diagnosis of another mental disorder', () => {
    render(<AssessmentForm onSubmit={() => undefined} initial={FULL} />);
    fireEvent.click(screen.getByText('添加诊断'));
    fireEvent.click(within(row('diagnosis', 0)).getByText('其他精神和行为障碍（F04–F99）'));
    expect(grade()).toBe('能力完好');
    expect(within(row('diagnosis', 0)).getByText('非精神科专科医生诊断：记录在案，不提高等级')).toBeTruthy();
    fireEvent.click(within(row('diagnosis', 0)).getByText('精神科专科医生诊断'));
    expect(grade()).toBe('轻度失能');
    expect(rules()).toContain('精神科专科医生诊断');
  });

  it('records care-risk events with dates: two in the last 30 days raise the grade, older ones do not count', () => {
    const onSubmit = vi.fn();
    render(<AssessmentForm onSubmit={onSubmit} initial={FULL} />);
    fireEvent.click(screen.getByText('添加事件'));
    pickDate('事件 1 日期', daysAgo(3));
    fireEvent.click(screen.getByText('添加事件'));
    fireEvent.click(within(row('risk-event', 1)).getByText('走失'));
    pickDate('事件 2 日期', daysAgo(40));
    expect(within(row('risk-event', 1)).getByText('不在近30天内')).toBeTruthy();
    expect(screen.getByTestId('risk-window').textContent).toContain('共 1 次');
    expect(grade()).toBe('能力完好');
    pickDate('事件 2 日期', daysAgo(29));
    expect(screen.getByTestId('risk-window').textContent).toContain('共 2 次');
    expect(grade()).toBe('轻度失能');
    expect(rules()).toContain('照护风险事件');
    fireEvent.click(screen.getByText('提交评估'));
    expect(onSubmit.mock.calls[0][0].riskEvents).toEqual([
      { type: 'fall', date: daysAgo(3) },
      { type: 'wandering', date: daysAgo(29) },
    ]);
  });

  it('does not submit an event without its date', () => {
    const onSubmit = vi.fn();
    render(<AssessmentForm onSubmit={onSubmit} initial={FULL} />);
    fireEvent.click(screen.getByText('添加事件'));
    fireEvent.click(screen.getByText('提交评估'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(within(row('risk-event', 0)).getByText('事件日期应为 YYYY-MM-DD')).toBeTruthy();
  });

  it('grades a person in a coma 完全失能 and scores 意识水平 0', () => {
    render(<AssessmentForm onSubmit={() => undefined} initial={FULL} />);
    fireEvent.click(screen.getByText(/处于昏迷状态/));
    expect(total()).toMatch(/^88/);
    expect(grade()).toBe('完全失能');
    expect(screen.getByTestId('assessment-raw-grade').textContent).toContain('轻度失能');
    expect(rules()).toContain('处于昏迷状态，直接评定为完全失能');
  });

  it('shows the server’s message next to the fact it names', () => {
    render(<AssessmentForm onSubmit={() => undefined} fieldErrors={[{ field: 'riskEvents.0.date', message: '事件日期不能晚于评估日期' }]} />);
    fireEvent.click(screen.getByText('添加事件'));
    expect(within(row('risk-event', 0)).getByText('事件日期不能晚于评估日期')).toBeTruthy();
  });

  it('shows the server’s message next to the item it names', () => {
    render(<AssessmentForm onSubmit={() => undefined} fieldErrors={[{ field: 'items.memory', message: '「记忆」应为 0–4 的整数' }]} />);
    expect(screen.getByText('「记忆」应为 0–4 的整数')).toBeTruthy();
  });
});

describe('AssessmentOutcome', () => {
  it('shows the raw total, the grade by the total, the final grade and the rules that set it', () => {
    render(<AssessmentOutcome total={30} rawGrade="severe" grade="total" rules={[{ code: 'dementia', label: '确诊痴呆，提高一个等级' }, { code: 'care_risk_events', label: '近30天内发生 2 次及以上照护风险事件，提高一个等级' }]} />);
    expect(screen.getByTestId('outcome-grade').textContent).toBe('完全失能');
    expect(screen.getByTestId('outcome-raw').textContent).toBe('总分 30/90 分 · 按总分的初步等级 重度失能');
    expect(screen.getByTestId('outcome-rules').textContent).toContain('由重度失能提高一个等级（多项依据也只提高一级）');
    expect(screen.getByTestId('outcome-rules').textContent).toContain('确诊痴呆');
  });

  it('says when 完全失能 cannot go higher', () => {
    render(<AssessmentOutcome total={20} rawGrade="total" grade="total" rules={[{ code: 'dementia', label: '确诊痴呆，提高一个等级' }]} />);
    expect(screen.getByTestId('outcome-rules').textContent).toContain('已为完全失能，不再提高');
  });
});
