import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tabs, type DescriptionsProps, type FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../api';
import { validated } from '../lib/forms';
import { useAsync } from '../lib/useAsync';
import { EmptyState, ErrorState } from './PageState';
import { PageTitle } from './PageTitle';

/** How a review modal ends: closed as it was (取消/关闭), or done, which reloads the list. */
export interface ReviewHandlers {
  onClose(): void;
  onDone(): void;
}

export interface ReviewListProps<T extends object, K extends string> {
  title: string;
  /** The line under the title: what is reviewed here and what a decision does. */
  description: ReactNode;
  /** Buttons before 刷新, given the list's reload. */
  actions?: (reload: () => void) => ReactNode;
  tabs: readonly { key: K; label: string }[];
  initialTab: K;
  /** The records of a tab, from the server. */
  load(tab: K): Promise<T[]>;
  /** For a tab the server does not filter by itself (待处理 = several statuses): which loaded records it shows. */
  inTab?(row: T, tab: K): boolean;
  searchPlaceholder: string;
  searchWidth: number;
  /** The texts the search box looks in; a row matches when one of them contains the query. */
  searchText(row: T): (string | null | undefined)[];
  rowKey: keyof T & string;
  /** The counting word of 共 N 件 / 共 N 人. */
  unit: string;
  emptyText(tab: K): string;
  /** `data` is everything loaded for the tab (for the column filters), `review` opens a row's modal. */
  columns(ctx: { data: T[]; tab: K; review(row: T): void }): ColumnsType<T>;
  renderReview(row: T, handlers: ReviewHandlers): ReactNode;
}

/**
 * A queue of records to review (投诉处理, 补贴资格核验): status tabs, a search box, a sorted and
 * filtered table of ten a page, and the modal that decides one record, after which the list reloads.
 */
export function ReviewList<T extends object, K extends string>(props: ReviewListProps<T, K>) {
  const { tabs, load, inTab, searchText } = props;
  const [tab, setTab] = useState<K>(props.initialTab);
  const list = useAsync(() => load(tab), [tab]);
  const [current, setCurrent] = useState<T | null>(null);
  const [search, setSearch] = useState('');

  const rows = useMemo(() => {
    const q = search.trim();
    return (list.data ?? []).filter((r) => !inTab || inTab(r, tab)).filter((r) => !q || searchText(r).some((t) => (t ?? '').includes(q)));
  }, [list.data, tab, search, inTab, searchText]);

  const refresh = (
    <Button icon={<ReloadOutlined />} onClick={list.reload}>
      刷新
    </Button>
  );

  return (
    <div>
      <PageTitle
        title={props.title}
        extra={
          props.actions ? (
            <Space>
              {props.actions(list.reload)}
              {refresh}
            </Space>
          ) : (
            refresh
          )
        }
      >
        {props.description}
      </PageTitle>
      <Card>
        <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
          <Tabs activeKey={tab} onChange={(k) => setTab(k as K)} items={tabs.map((t) => ({ key: t.key, label: t.label }))} />
          <Input.Search allowClear placeholder={props.searchPlaceholder} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: props.searchWidth }} />
        </Space>
        {list.error !== undefined ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<T>
            rowKey={props.rowKey}
            loading={list.loading}
            columns={props.columns({ data: list.data ?? [], tab, review: setCurrent })}
            dataSource={rows}
            pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} ${props.unit}` }}
            locale={{ emptyText: <EmptyState description={props.emptyText(tab)} /> }}
          />
        )}
      </Card>
      {current &&
        props.renderReview(current, {
          onClose: () => setCurrent(null),
          onDone: () => {
            setCurrent(null);
            list.reload();
          },
        })}
    </div>
  );
}

export interface ReviewModalProps<F extends object> extends ReviewHandlers {
  title: ReactNode;
  width: number;
  /** The record under review, two to a row. */
  details: DescriptionsProps['items'];
  /** Only shown: no form and no 提交, and 关闭 instead of 取消. */
  readOnly?: boolean;
  form: FormInstance<F>;
  initialValues: Partial<F>;
  /** Sends the decision; resolves to the message that says it was taken. */
  submit(values: F): Promise<string>;
  /** The form's items. */
  children: ReactNode;
}

/**
 * The modal that decides one record: its details, then the form. A refused decision keeps the
 * modal open with the server's message above the form and its field errors on the fields.
 */
export function ReviewModal<F extends object>({ title, width, details, readOnly = false, form, initialValues, submit, onClose, onDone, children }: ReviewModalProps<F>) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      message.success(await submit(v));
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) form.setFields(err.fields.map((f) => ({ name: f.field as NamePath<F>, errors: [f.message] })));
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText="提交"
      cancelText={readOnly ? '关闭' : '取消'}
      onOk={() => void send()}
      okButtonProps={{ style: readOnly ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      width={width}
    >
      <Descriptions size="small" column={2} bordered style={{ margin: '16px 0' }} items={details} />
      {!readOnly && (
        <>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Form<F> form={form} layout="vertical" initialValues={initialValues}>
            {children}
          </Form>
        </>
      )}
    </Modal>
  );
}
