import { LoginOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type DevLoginView } from '@carecircle/shared';
import { Alert, Button, Card, Divider, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorMessage } from '../api';
import { canUseConsole, useAuth } from '../auth';
import { useAsync } from '../lib/useAsync';

/** Operators first, so 吴主任 is the first choice on a dev server. */
export function sortDevLogins(list: readonly DevLoginView[]): DevLoginView[] {
  return [...list].sort((a, b) => Number(b.roles.includes('operator')) - Number(a.roles.includes('operator')));
}

export function LoginPage() {
  const { login, notice } = useAuth();
  const devLogins = useAsync(() => api.devLogins(), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(code: string) {
    setBusy(code);
    setError(null);
    try {
      await login(code);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  const devMissing = devLogins.error instanceof ApiError && devLogins.error.isMissingEndpoint;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg,#e8f0fe 0%,#f5f7fa 60%)' }}>
      <Card style={{ width: 520 }} title={<span>CareCircle 运营管理端 <Typography.Text type="secondary">（街道 / 民政）</Typography.Text></span>}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {notice && <Alert type="info" showIcon message={notice} />}
          {error && <Alert type="error" showIcon message="无法登录" description={error} role="alert" />}
          {devLogins.loading && <Typography.Text type="secondary">正在读取演示账号…</Typography.Text>}
          {devLogins.data && (
            <>
              <Typography.Text>开发模式：选择一个演示账号登录（仅街道运营和平台管理员账号可使用本系统）</Typography.Text>
              <List
                size="small"
                bordered
                dataSource={sortDevLogins(devLogins.data)}
                renderItem={(d) => {
                  const operator = canUseConsole(d);
                  return (
                    <List.Item
                      actions={[
                        <Button key="go" type={operator ? 'primary' : 'default'} size="small" loading={busy === d.code} onClick={() => void run(d.code)}>
                          登录
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta
                        title={
                          <Space>
                            {d.nickname}
                            {d.roles.map((r) => (
                              <Tag key={r} color={r === 'operator' || r === 'platform_admin' ? 'blue' : undefined}>
                                {ROLE_LABELS[r] ?? r}
                              </Tag>
                            ))}
                          </Space>
                        }
                        description={d.description}
                      />
                    </List.Item>
                  );
                }}
              />
            </>
          )}
          {devLogins.error !== undefined && !devMissing && <Alert type="warning" showIcon message="读取演示账号失败" description={errorMessage(devLogins.error)} />}
          {(devMissing || devLogins.data) && (
            <>
              <Divider plain style={{ margin: '4px 0' }}>
                或输入登录码
              </Divider>
              <Form layout="inline" onFinish={(v: { code: string }) => void run(v.code.trim())} style={{ width: '100%' }}>
                <Form.Item name="code" rules={[{ required: true, message: '请输入登录码' }]} style={{ flex: 1 }}>
                  <Input placeholder="如 dev:吴主任" aria-label="登录码" />
                </Form.Item>
                <Button htmlType="submit" icon={<LoginOutlined />} loading={busy !== null}>
                  登录
                </Button>
              </Form>
            </>
          )}
        </Space>
      </Card>
    </div>
  );
}
