import { ClusterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../api';

/**
 * Bull Board in its own tab: the tab is opened at once (so no pop-up blocker), then pointed at the
 * board once the session cookie is set. The server decides what the board allows: a read-only view
 * without job data for 街道运营, pause/retry/clean (audited) for 平台管理员.
 */
export function QueueBoardButton({ readOnly, type = 'text', children = '队列监控' }: { readOnly: boolean; type?: ButtonProps['type']; children?: ReactNode }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  async function open() {
    const tab = window.open('about:blank', '_blank');
    setBusy(true);
    try {
      const { url } = await api.queueBoardSession();
      if (tab) tab.location.href = url;
      else window.location.href = url;
    } catch (err) {
      tab?.close();
      void message.error(err instanceof Error ? err.message : '无法打开队列监控');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button
      type={type}
      icon={<ClusterOutlined />}
      loading={busy}
      title={readOnly ? '只读：查看各队列的任务数量和状态，不显示任务数据；暂停、重试、清理需平台管理员' : '平台管理员：可暂停、恢复、重试、清理，每次操作记入审计日志'}
      onClick={() => void open()}
    >
      {children}
    </Button>
  );
}
