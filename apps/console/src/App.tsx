import {
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  DatabaseOutlined,
  CommentOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FormOutlined,
  HeartFilled,
  HomeOutlined,
  IdcardOutlined,
  LogoutOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { api } from './api';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { isOperator, isPlatformAdmin, useAuth } from './auth';
import { LoadingState } from './components/PageState';
import { QueueBoardButton } from './components/QueueBoardButton';
import { ConsoleProvider } from './context';
import { LoginPage } from './pages/Login';
import { PlatformShell } from './pages/Platform';

const Dashboard = lazy(() => import('./pages/Dashboard'));
const Escalations = lazy(() => import('./pages/Escalations'));
const Providers = lazy(() => import('./pages/Providers'));
const Eligibility = lazy(() => import('./pages/Eligibility'));
const Complaints = lazy(() => import('./pages/Complaints'));
const Statements = lazy(() => import('./pages/Statements'));
const Assessments = lazy(() => import('./pages/Assessments'));
const Visits = lazy(() => import('./pages/Visits'));
const Staff = lazy(() => import('./pages/Staff'));
const Figures = lazy(() => import('./pages/Figures'));
const Policies = lazy(() => import('./pages/Policies'));
const Audit = lazy(() => import('./pages/Audit'));
const Worklists = lazy(() => import('./pages/Worklists'));
const Report = lazy(() => import('./pages/Report'));
const KpiRecords = lazy(() => import('./pages/KpiRecords'));
const RegionFigures = lazy(() => import('./pages/RegionFigures'));
const ProviderRecord = lazy(() => import('./pages/ProviderRecord'));
const Inspections = lazy(() => import('./pages/Inspections'));

interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
}

/** The menu, grouped the way an operator's week runs: overview, services, supervision, money, settings. */
export const NAV_GROUPS: { label: string; items: NavItem[] }[] = [
  {
    label: '总览',
    items: [
      { path: '/dashboard', label: '工作台', icon: <DashboardOutlined /> },
      { path: '/worklists', label: '工作清单', icon: <CarryOutOutlined /> },
      { path: '/report', label: '月报', icon: <FileTextOutlined /> },
    ],
  },
  {
    label: '服务',
    items: [
      { path: '/escalations', label: '待派单', icon: <AlertOutlined /> },
      { path: '/visits', label: '探访', icon: <HomeOutlined /> },
      { path: '/assessments', label: '能力评估', icon: <FormOutlined /> },
      { path: '/figures/meals', label: '助餐与托育', icon: <BarChartOutlined /> },
    ],
  },
  {
    label: '机构监管',
    items: [
      { path: '/providers', label: '机构管理', icon: <BankOutlined /> },
      { path: '/staff', label: '人员资质', icon: <IdcardOutlined /> },
      { path: '/inspections', label: '双随机抽查', icon: <AimOutlined /> },
      { path: '/complaints', label: '投诉处理', icon: <CommentOutlined /> },
    ],
  },
  {
    label: '补贴',
    items: [
      { path: '/eligibility', label: '补贴资格核验', icon: <SafetyCertificateOutlined /> },
      { path: '/statements', label: '补贴结算', icon: <FileProtectOutlined /> },
    ],
  },
  {
    label: '设置与留痕',
    items: [
      { path: '/region-figures', label: '地区基础数据', icon: <DatabaseOutlined /> },
      { path: '/policies', label: '政策表', icon: <ProfileOutlined /> },
      { path: '/audit', label: '审计日志', icon: <AuditOutlined /> },
    ],
  },
];

export const NAV: NavItem[] = NAV_GROUPS.flatMap((g) => g.items);

function selectedKey(pathname: string): string {
  if (pathname.startsWith('/figures')) return '/figures/meals';
  return NAV.find((n) => pathname === n.path || pathname.startsWith(`${n.path}/`))?.path ?? '/dashboard';
}

export function App() {
  const { user } = useAuth();
  if (!user) return <LoginPage />;
  // A platform admin who is not also a 街道 operator has no region: only the platform page.
  if (!isOperator(user)) return <PlatformShell />;
  return (
    <ConsoleProvider>
      <Shell />
    </ConsoleProvider>
  );
}

/** What waits for the operator, as badges on the menu; refreshed each minute and on every page change. */
function usePendingCounts(pathname: string): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 60_000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    let live = true;
    void Promise.allSettled([api.escalations(), api.eligibility('unverified'), api.complaints()]).then(([esc, elig, comp]) => {
      if (!live) return;
      const next: Record<string, number> = {};
      if (esc.status === 'fulfilled') next['/escalations'] = esc.value.length;
      if (elig.status === 'fulfilled') next['/eligibility'] = elig.value.length;
      if (comp.status === 'fulfilled') next['/complaints'] = comp.value.filter((c) => c.status === 'received' || c.status === 'investigating').length;
      setCounts(next);
    });
    return () => {
      live = false;
    };
  }, [pathname, tick]);
  return counts;
}

function Shell() {
  const { user, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const pending = usePendingCounts(location.pathname);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
        <div className="cc-logo">
          <HeartFilled aria-hidden style={{ color: '#ff7a45', fontSize: 20 }} />
          <span>
            CareCircle
            <br />
            <small>一老一小 · 运营管理端</small>
          </span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          items={NAV_GROUPS.map((g) => ({
            type: 'group' as const,
            key: g.label,
            label: g.label,
            children: g.items.map((n) => ({
              key: n.path,
              icon: n.icon,
              label: pending[n.path] ? (
                <Space size={6}>
                  {n.label}
                  <Badge count={pending[n.path]} size="small" overflowCount={99} title={`待处理 ${pending[n.path]}`} />
                </Space>
              ) : (
                n.label
              ),
            })),
          }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text type="secondary">15 分钟养老托育服务圈 · 街道运营</Typography.Text>
          <Space>
            <QueueBoardButton readOnly={!isPlatformAdmin(user!)} />
            <UserOutlined />
            <Typography.Text>{user?.nickname}</Typography.Text>
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<LoadingState />}>
            <Routes>
              <Route path="/" element={<Navigate to="/dashboard" replace />} />
              <Route path="/dashboard" element={<Dashboard />} />
              <Route path="/worklists" element={<Worklists />} />
              <Route path="/report" element={<Report />} />
              <Route path="/kpi/:code" element={<KpiRecords />} />
              <Route path="/region-figures" element={<RegionFigures />} />
              <Route path="/escalations" element={<Escalations />} />
              <Route path="/providers" element={<Providers />} />
              <Route path="/staff" element={<Staff />} />
              <Route path="/providers/:providerId/record" element={<ProviderRecord />} />
              <Route path="/inspections" element={<Inspections />} />
              <Route path="/eligibility" element={<Eligibility />} />
              <Route path="/complaints" element={<Complaints />} />
              <Route path="/statements" element={<Statements />} />
              <Route path="/assessments" element={<Assessments />} />
              <Route path="/visits" element={<Visits />} />
              <Route path="/figures" element={<Navigate to="/figures/meals" replace />} />
              <Route path="/figures/:tab" element={<Figures />} />
              <Route path="/policies" element={<Policies />} />
              <Route path="/audit" element={<Audit />} />
              <Route path="*" element={<Navigate to="/dashboard" replace />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
