import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, Button, Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { ReviewList, ReviewModal, type ReviewHandlers } from './ReviewList';

interface Case {
  id: string;
  name: string;
  note: string | null;
  status: 'open' | 'done';
}
type Tab = 'open' | 'done' | 'all';

const CASES: Case[] = [
  { id: 'c1', name: '张三', note: '上门迟到', status: 'open' },
  { id: 'c2', name: '李四', note: null, status: 'open' },
  { id: 'c3', name: '王五', note: '已答复', status: 'done' },
];

function CaseModal({ item, submit, onClose, onDone }: { item: Case; submit(v: { reply: string }): Promise<string> } & ReviewHandlers) {
  const [form] = Form.useForm<{ reply: string }>();
  return (
    <ReviewModal<{ reply: string }>
      title={`处理：${item.name}`}
      width={500}
      readOnly={item.status === 'done'}
      details={[{ key: 'name', label: '姓名', children: item.name }]}
      form={form}
      initialValues={{}}
      submit={submit}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="reply" label="答复" rules={[{ required: true, message: '请填写答复' }]}>
        <Input placeholder="答复内容" />
      </Form.Item>
    </ReviewModal>
  );
}

function renderList(submit: (item: Case, v: { reply: string }) => Promise<string> = async (item) => `已处理：${item.name}`) {
  // 'open' and 'all' load everything (待办 is filtered here), 'done' loads nothing.
  const load = vi.fn(async (tab: Tab) => (tab === 'done' ? [] : CASES));
  render(
    <AntApp>
      <ReviewList<Case, Tab>
        title="测试审核"
        description="说明"
        actions={(r) => <Button onClick={r}>导入</Button>}
        tabs={[
          { key: 'open', label: '待办' },
          { key: 'done', label: '已办' },
          { key: 'all', label: '全部' },
        ]}
        initialTab="open"
        load={load}
        inTab={(c, tab) => tab !== 'open' || c.status === 'open'}
        searchPlaceholder="搜索姓名、备注"
        searchWidth={200}
        searchText={(c) => [c.name, c.note]}
        rowKey="id"
        unit="件"
        emptyText={(tab) => (tab === 'open' ? '没有待办' : '暂无记录')}
        columns={({ data, review }) => [
          { title: '姓名', dataIndex: 'name', filters: data.map((c) => ({ text: c.name, value: c.name })) },
          { title: '备注', dataIndex: 'note' },
          { title: '操作', key: 'actions', render: (_: unknown, c) => <Button onClick={() => review(c)}>{c.status === 'open' ? '处理' : '查看'}</Button> },
        ]}
        renderReview={(c, handlers) => <CaseModal item={c} submit={(v) => submit(c, v)} {...handlers} />}
      />
    </AntApp>,
  );
  return { load };
}

const names = () => Array.from(document.querySelectorAll('.ant-table-tbody tr.ant-table-row')).map((tr) => tr.querySelector('td')?.textContent);
const row = (name: string) => screen.getByText(name, { selector: 'td' }).closest('tr') as HTMLElement;
const modal = () => document.querySelector('.ant-modal-content') as HTMLElement | null;
// antd spaces out a two-character label (提 交).
const button = (within_: HTMLElement, text: string) => within(within_).getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });

describe('ReviewList', () => {
  it('loads the chosen tab, shows what the tab and the search keep, and says when nothing is left', async () => {
    const { load } = renderList();
    await waitFor(() => expect(names()).toEqual(['张三', '李四']));
    expect(load).toHaveBeenCalledWith('open');
    expect(screen.getByText('共 2 件')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '测试审核' })).toBeTruthy();

    // The search looks in every text the page names (here the note), and a cleared box shows all again.
    const search = screen.getByPlaceholderText('搜索姓名、备注');
    fireEvent.change(search, { target: { value: '迟到' } });
    fireEvent.keyDown(search, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(names()).toEqual(['张三']));
    fireEvent.change(search, { target: { value: '' } });
    await waitFor(() => expect(names()).toEqual(['张三', '李四']));

    fireEvent.click(screen.getByRole('tab', { name: '全部' }));
    await waitFor(() => expect(names()).toEqual(['张三', '李四', '王五']));
    expect(load).toHaveBeenLastCalledWith('all');
    expect(screen.getByText('共 3 件')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: '已办' }));
    await screen.findByText('暂无记录');
    expect(load).toHaveBeenLastCalledWith('done');
  });

  it('sends a decision, says so, closes the modal and reloads the list; the page’s own buttons get the reload too', async () => {
    const submit = vi.fn(async (item: Case) => `已处理：${item.name}`);
    const { load } = renderList(submit);
    await waitFor(() => expect(names()).toEqual(['张三', '李四']));

    fireEvent.click(button(row('李四'), '处理'));
    await waitFor(() => expect(modal()?.textContent).toContain('处理：李四'));
    // The form's own rules stop an empty answer before anything is sent.
    fireEvent.click(button(modal()!, '提交'));
    await screen.findByText('请填写答复');
    expect(submit).not.toHaveBeenCalled();

    fireEvent.change(screen.getByPlaceholderText('答复内容'), { target: { value: '已联系家属' } });
    fireEvent.click(button(modal()!, '提交'));
    await screen.findByText('已处理：李四');
    expect(submit).toHaveBeenCalledWith(CASES[1], { reply: '已联系家属' });
    await waitFor(() => expect(modal()).toBeNull());
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(load).toHaveBeenLastCalledWith('open');

    fireEvent.click(button(document.body, '导入'));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(3));
  });

  it('keeps the modal open on a refused decision, with the server’s message above the form and on the field', async () => {
    const submit = vi.fn(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', '答复不合要求', { fields: [{ field: 'reply', message: '答复至少 5 个字' }] });
    });
    const { load } = renderList(submit);
    await waitFor(() => expect(names()).toEqual(['张三', '李四']));
    fireEvent.click(button(row('张三'), '处理'));
    await waitFor(() => expect(modal()).not.toBeNull());
    fireEvent.change(screen.getByPlaceholderText('答复内容'), { target: { value: '好' } });
    fireEvent.click(button(modal()!, '提交'));

    await screen.findByText('答复不合要求', { selector: '.ant-alert-message' });
    await screen.findByText('答复至少 5 个字');
    expect(modal()?.textContent).toContain('处理：张三');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows a record it may not change without the form: 关闭 instead of 取消, no 提交, and closing does not reload', async () => {
    const { load } = renderList();
    fireEvent.click(await screen.findByRole('tab', { name: '全部' }));
    await waitFor(() => expect(names()).toContain('王五'));
    fireEvent.click(button(row('王五'), '查看'));
    await waitFor(() => expect(modal()?.textContent).toContain('处理：王五'));

    expect(modal()!.querySelector('.ant-descriptions')?.textContent).toContain('姓名王五');
    expect(screen.queryByPlaceholderText('答复内容')).toBeNull();
    const submit = Array.from(modal()!.querySelectorAll('button')).find((b) => b.textContent?.replace(/\s/g, '') === '提交');
    expect(submit?.style.display).toBe('none');
    fireEvent.click(button(modal()!, '关闭'));
    await waitFor(() => expect(modal()).toBeNull());
    expect(load).toHaveBeenCalledTimes(2);
  });
});
