import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageTitle({ title, extra, children }: { title: string; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div className="cc-page-title">
      <div>
        <h2>{title}</h2>
        {children && <Typography.Text type="secondary">{children}</Typography.Text>}
      </div>
      {extra}
    </div>
  );
}
