import { Alert, Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api';

/** The one way every page says "failed to load": missing endpoints apart from real failures. */
export function ErrorState({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const missing = error instanceof ApiError && error.isMissingEndpoint;
  const title = missing ? '该功能的服务端接口尚未上线' : '加载失败';
  const requestId = error instanceof ApiError && error.requestId ? `（请求编号 ${error.requestId}）` : '';
  const detail = `${errorMessage(error)}${requestId}`;
  const retry = onRetry ? (
    <Button size={compact ? 'small' : 'middle'} onClick={onRetry}>
      重试
    </Button>
  ) : null;
  if (compact) return <Alert type={missing ? 'warning' : 'error'} showIcon message={title} description={detail} action={retry} />;
  return <Result status={missing ? 'warning' : 'error'} title={title} subTitle={detail} extra={retry} />;
}

export function LoadingState({ tip = '加载中…' }: { tip?: string }) {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip={tip} size="large">
        <div style={{ height: 48 }} />
      </Spin>
    </div>
  );
}

export function EmptyState({ description, children }: { description: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {children}
    </Empty>
  );
}
