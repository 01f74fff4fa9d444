/**
 * The console's only HTTP client: every call to the server goes through here (no other module
 * calls fetch). Bearer token, one refresh-and-retry on 401, and errors as ApiError carrying the
 * server's `{statusCode, error, message, details?: {fields?}, requestId}` body.
 */
import type {
  AdjustStatementInput,
  ApiErrorBody,
  AssessmentInput,
  AssessmentView,
  AuditEntryView,
  AuditQuery,
  AuthTokensView,
  ChildcareFiguresView,
  ComplaintStatus,
  ComplaintView,
  DevLoginView,
  DispatchRoundView,
  EligibilityItemView,
  FieldError,
  HandleComplaintInput,
  KpiSummaryView,
  MealFiguresView,
  MeView,
  OrderView,
  ProviderStatus,
  ProviderView,
  RegionPolicyView,
  RegionView,
  ServiceTypeView,
  SetRecommendedInput,
  StaffView,
  StatementView,
  SubsidyVerification,
  VerifyEligibilityInput,
  VisitRateView,
} from '@carecircle/shared';

/** An error the server (or the network) gave back, in the server's own words. */
export class ApiError extends Error {
  readonly statusCode: number;
  /** The server's stable code (`VALIDATION_FAILED`, `ROUTE_NOT_FOUND`, `AUTH.TOKEN_EXPIRED` …), or NETWORK / HTTP_<status>. */
  readonly code: string;
  readonly fields: FieldError[];
  readonly requestId: string | null;
  readonly details: Record<string, unknown> | undefined;

  constructor(statusCode: number, code: string, message: string, options: { fields?: FieldError[]; requestId?: string | null; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.fields = options.fields ?? [];
    this.requestId = options.requestId ?? null;
    this.details = options.details;
  }

  /** The server's message for one field (`validUntil`, `items.eating` …), if it named it. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }

  /** The endpoint does not exist on this server (yet). */
  get isMissingEndpoint(): boolean {
    return this.code === 'ROUTE_NOT_FOUND' || (this.statusCode === 404 && this.code === 'HTTP_404');
  }

  static async fromResponse(res: Response): Promise<ApiError> {
    const requestId = res.headers.get('x-request-id');
    let body: Partial<ApiErrorBody> | null = null;
    try {
      const text = await res.text();
      body = text ? (JSON.parse(text) as Partial<ApiErrorBody>) : null;
    } catch {
      body = null;
    }
    if (body && typeof body.message === 'string') {
      const fields = Array.isArray(body.details?.fields) ? body.details.fields : [];
      return new ApiError(typeof body.statusCode === 'number' ? body.statusCode : res.status, typeof body.error === 'string' ? body.error : `HTTP_${res.status}`, body.message, {
        fields,
        requestId: body.requestId ?? requestId,
        details: body.details,
      });
    }
    return new ApiError(res.status, `HTTP_${res.status}`, fallbackMessage(res.status), { requestId });
  }
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '没有权限进行此操作';
  if (status === 404) return '接口不存在';
  if (status === 413) return '提交的内容过大';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return `服务器出错了（${status}），请稍后再试`;
  return `请求失败（${status}）`;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: MeView;
}

export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
}

export function memoryStore(initial: Session | null = null): SessionStore {
  let value = initial;
  return { get: () => value, set: (s) => void (value = s) };
}

const STORAGE_KEY = 'carecircle.console.session';

export function localStore(storage: Storage = window.localStorage): SessionStore {
  return {
    get() {
      try {
        const raw = storage.getItem(STORAGE_KEY);
        return raw ? (JSON.parse(raw) as Session) : null;
      } catch {
        return null;
      }
    },
    set(s) {
      if (s) storage.setItem(STORAGE_KEY, JSON.stringify(s));
      else storage.removeItem(STORAGE_KEY);
    },
  };
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface ClientOptions {
  /** Origin + prefix of the API; default `/api` (same origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  store?: SessionStore;
  /** Called when the session ends on its own (refresh refused): the app shows the login page. */
  onSessionEnd?: (reason: string) => void;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** No bearer token, no refresh (login, refresh, dev logins). */
  anonymous?: boolean;
}

export interface Download {
  blob: Blob;
  filename: string;
}

export function createApiClient(options: ClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '/api';
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const store = options.store ?? memoryStore();
  let refreshing: Promise<boolean> | null = null;
  let sessionEndListener = options.onSessionEnd;

  async function send(method: string, path: string, opts: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    // FormData (file uploads) sets its own multipart content-type with the boundary.
    const form = typeof FormData !== 'undefined' && opts.body instanceof FormData;
    if (opts.body !== undefined && !form) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await fetchImpl(baseUrl + withQuery(path, opts.query), {
        method,
        headers,
        body: opts.body === undefined ? undefined : form ? (opts.body as FormData) : JSON.stringify(opts.body),
      });
    } catch {
      throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
    }
  }

  /** One refresh at a time: concurrent 401s wait for the same one (the old refresh token dies once used). */
  function refreshOnce(): Promise<boolean> {
    if (!refreshing) {
      refreshing = (async () => {
        const current = store.get();
        if (!current?.refreshToken) return false;
        try {
          const res = await send('POST', '/auth/refresh', { body: { refreshToken: current.refreshToken }, anonymous: true }, null);
          if (!res.ok) return false;
          const tokens = (await res.json()) as AuthTokensView;
          store.set({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user });
          return true;
        } catch {
          return false;
        }
      })().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  function endSession(reason: string): void {
    if (!store.get()) return;
    store.set(null);
    sessionEndListener?.(reason);
  }

  async function raw(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const token = opts.anonymous ? null : store.get()?.accessToken ?? null;
    let res = await send(method, path, opts, token);
    if (res.status === 401 && token) {
      // Someone else may already have refreshed while this request was in flight.
      const now = store.get()?.accessToken ?? null;
      const ok = now && now !== token ? true : await refreshOnce();
      if (ok) res = await send(method, path, opts, store.get()?.accessToken ?? null);
      if (res.status === 401) {
        const err = await ApiError.fromResponse(res);
        endSession(err.message);
        throw err;
      }
    }
    if (!res.ok) throw await ApiError.fromResponse(res);
    return res;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await raw(method, path, opts);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(res.status, 'BAD_RESPONSE', '服务器返回的数据无法识别');
    }
  }

  async function download(path: string, fallbackName: string): Promise<Download> {
    const res = await raw('GET', path);
    const blob = await res.blob();
    return { blob, filename: filenameFrom(res.headers.get('content-disposition')) ?? fallbackName };
  }

  const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
  const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
  const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
  const id = (v: string) => encodeURIComponent(v);

  return {
    request,
    download,
    session: () => store.get(),
    onSessionEnd(listener: ((reason: string) => void) | undefined) {
      sessionEndListener = listener;
    },

    // auth
    devLogins: () => request<DevLoginView[]>('GET', '/auth/dev-logins', { anonymous: true }),
    /** Logs in with a WeChat (or dev) code; only keeps the session when `accept(user)` says so. */
    async login(code: string, accept: (user: MeView) => boolean = () => true): Promise<MeView> {
      const tokens = await request<AuthTokensView>('POST', '/auth/wechat', { body: { code }, anonymous: true });
      if (!accept(tokens.user)) {
        // Not for this app: drop the tokens the server just issued.
        await send('POST', '/auth/logout', { body: { refreshToken: tokens.refreshToken } }, tokens.accessToken).catch(() => undefined);
        return tokens.user;
      }
      store.set({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user });
      return tokens.user;
    },
    async logout(): Promise<void> {
      const s = store.get();
      if (s) await request<void>('POST', '/auth/logout', { body: { refreshToken: s.refreshToken } }).catch(() => undefined);
      store.set(null);
    },
    me: () => get<MeView>('/me'),

    // regions and policy tables
    regions: () => get<RegionView[]>('/regions'),
    policies: (regionId: string, kind?: string) => get<RegionPolicyView[]>(`/regions/${id(regionId)}/policies`, { kind }),
    addPolicy: (regionId: string, input: { kind: string; effectiveFrom: string; rules: Record<string, unknown> }) =>
      post<RegionPolicyView>(`/regions/${id(regionId)}/policies`, input),

    // providers
    providers: () => get<ProviderView[]>('/providers'),
    setProviderRecommended: (providerId: string, input: SetRecommendedInput) => patch<ProviderView>(`/providers/${id(providerId)}/recommended`, input),
    setProviderStatus: (providerId: string, status: Extract<ProviderStatus, 'approved' | 'suspended'>, reason?: string) =>
      patch<ProviderView>(`/providers/${id(providerId)}/status`, reason ? { status, reason } : { status }),

    // catalog and staff (for who could take an escalated order)
    catalogServices: () => get<ServiceTypeView[]>('/catalog/services'),
    providerStaff: (providerId: string) => get<StaffView[]>(`/providers/${id(providerId)}/staff`),

    // dispatch
    escalations: () => get<OrderView[]>('/operator/escalations'),
    dispatchRounds: (orderId: string) => get<DispatchRoundView[]>(`/orders/${id(orderId)}/dispatch-rounds`),
    assign: (orderId: string, staffId: string) => post<void>(`/orders/${id(orderId)}/assign`, { staffId }),
    redispatch: (orderId: string) => post<void>(`/orders/${id(orderId)}/redispatch`),

    // figures
    kpiSummary: (regionId: string, month: string) => get<KpiSummaryView>('/kpi/summary', { regionId, month }),
    mealFigures: (month: string) => get<MealFiguresView>('/kpi/meals', { month }),
    childcareFigures: (regionId: string) => get<ChildcareFiguresView>('/kpi/childcare', { regionId }),
    visitRate: (regionId: string, month: string) => get<VisitRateView>('/kpi/visits', { regionId, month }),
    /** The monthly report as a file (CSV/JSON, docs/kpi-export.md); the typed reads are in lib/kpiApi.ts. */
    kpiReportFile: (regionId: string, month: string, format: 'csv' | 'json', fallbackName: string) =>
      download(`/kpi/report?regionId=${id(regionId)}&month=${id(month)}&format=${format}`, fallbackName),

    // assessments
    assessmentWorklist: () => get<WorklistItem[]>('/operator/assessments/worklist'),
    assessments: (elderId: string) => get<AssessmentView[]>(`/elders/${id(elderId)}/assessments`),
    submitAssessment: (elderId: string, input: AssessmentInput) => post<AssessmentView>(`/elders/${id(elderId)}/assessments`, input),

    // eligibility
    eligibility: (status: SubsidyVerification) => get<EligibilityItemView[]>('/operator/eligibility', { status }),
    verifyEligibility: (elderId: string, input: VerifyEligibilityInput) => post<EligibilityItemView>(`/operator/elders/${id(elderId)}/eligibility`, input),

    // complaints
    complaints: (status?: ComplaintStatus) => get<ComplaintView[]>('/operator/complaints', { status }),
    handleComplaint: (complaintId: string, input: HandleComplaintInput) => patch<ComplaintView>(`/operator/complaints/${id(complaintId)}`, input),

    // statements
    statements: (month: string) => get<StatementView[]>('/operator/statements', { month }),
    generateStatements: (month: string) => post<StatementView[]>(`/operator/statements/${id(month)}/generate`),
    adjustStatement: (statementId: string, input: AdjustStatementInput) => post<StatementView>(`/operator/statements/${id(statementId)}/adjustments`, input),
    approveStatement: (statementId: string) => post<StatementView>(`/operator/statements/${id(statementId)}/approve`),
    exportStatement: (statementId: string, fallbackName: string) => download(`/operator/statements/${id(statementId)}/export`, fallbackName),

    // audit
    audit: (query: AuditQuery = {}) => get<AuditEntryView[]>('/operator/audit', { ...query }),

    // queues (Bull Board opens in its own tab, on a short-lived cookie)
    queueBoardSession: () => post<{ url: string; expiresInSeconds: number }>('/operator/queue-board/session'),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export interface WorklistItem {
  elderId: string;
  name: string;
  reason: string;
  validUntil: string | null;
}

/** `attachment; filename="a.xlsx"; filename*=UTF-8''%E7%BB%93.xlsx` → the best name it gives. */
export function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*("?)([^";]+)\1/i.exec(disposition);
  return plain ? plain[2].trim() : null;
}

/** The app's client: same-origin `/api`, session kept in localStorage. */
export const api = createApiClient({ store: typeof window !== 'undefined' ? localStore() : memoryStore() });

/** A message for people, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
