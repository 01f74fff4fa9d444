import { HeartFilled, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Layout, Space, Typography } from 'antd';
import { useAuth } from '../auth';
import { QueueBoardButton } from '../components/QueueBoardButton';

/**
 * What a 平台管理员 sees: the platform's own operations, not a region's. They belong to no 街道, so
 * the region menu (老人、订单、机构、补贴…) is not shown and its endpoints refuse them anyway.
 */
export function PlatformShell() {
  const { user, logout } = useAuth();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
        <Space>
          <HeartFilled aria-hidden style={{ color: '#ff7a45', fontSize: 20 }} />
          <Typography.Text strong>CareCircle 平台运维</Typography.Text>
        </Space>
        <Space>
          <UserOutlined />
          <Typography.Text>{user?.nickname}</Typography.Text>
          <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Card title="平台管理员" style={{ maxWidth: 720 }}>
          <Space direction="vertical" size="middle">
            <Typography.Paragraph style={{ margin: 0 }}>
              平台管理员负责平台本身的运行：在队列监控中查看派单、通知、消息中转队列，必要时暂停、恢复、重试或清理任务。每次操作都记入审计日志（操作人、队列或任务、操作）。
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              平台管理员不属于任何街道，看不到老人、订单、机构、补贴等地区数据；这些由各街道的运营人员处理。
            </Typography.Paragraph>
            <QueueBoardButton readOnly={false} type="primary">
              打开队列监控
            </QueueBoardButton>
          </Space>
        </Card>
      </Layout.Content>
    </Layout>
  );
}
