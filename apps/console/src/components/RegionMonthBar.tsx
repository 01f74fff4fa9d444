import { DatePicker, Space, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { useConsole } from '../context';
import { regionTree } from '../lib/regions';

/** 地区 + 月份 pickers shared by the figures pages. */
export function RegionMonthBar({ showMonth = true, showRegion = true, extra }: { showMonth?: boolean; showRegion?: boolean; extra?: ReactNode }) {
  const { regions, regionId, setRegionId, month, setMonth, regionsLoading } = useConsole();
  const tree = useMemo(() => regionTree(regions), [regions]);
  return (
    <Space wrap size="middle" style={{ marginBottom: 16 }}>
      {showRegion && (
      <Space>
        <Typography.Text type="secondary">地区</Typography.Text>
        <TreeSelect
          aria-label="选择地区"
          style={{ width: 220 }}
          treeData={tree}
          value={regionId ?? undefined}
          onChange={(v: string) => setRegionId(v)}
          treeDefaultExpandAll
          loading={regionsLoading}
          placeholder="选择街道或社区"
        />
      </Space>
      )}
      {showMonth && (
        <Space>
          <Typography.Text type="secondary">月份</Typography.Text>
          <DatePicker
            aria-label="选择月份"
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            disabledDate={(d) => d.isAfter(dayjs().endOf('month'))}
          />
        </Space>
      )}
      {extra}
    </Space>
  );
}
