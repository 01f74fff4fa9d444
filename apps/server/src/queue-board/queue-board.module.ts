import { QUEUE, Role } from '@carecircle/shared';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bull';
import { Controller, HttpCode, Injectable, Module, Post, Res, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bull';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response, Router as ExpressRouter } from 'express';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { AuditService } from '../regulation/audit.service.js';
import { RegulationModule } from '../regulation/regulation.module.js';

/** Where Bull Board is served; its session cookie is valid for this path only. */
export const QUEUE_BOARD_PATH = '/api/operator/queue-board';
const COOKIE = 'cc_queue_board';
const SESSION_SECONDS = 30 * 60;

interface BoardSessionPayload {
  sub: string;
  typ: 'queue_board';
}

class QueueBoardSessionResponse {
  @ApiProperty({ example: QUEUE_BOARD_PATH }) url!: string;
  @ApiProperty({ example: 1800 }) expiresInSeconds!: number;
}

/**
 * Bull Board is a page the browser opens directly, so it cannot send the console's bearer token:
 * the console trades the token for a short-lived HttpOnly cookie scoped to the board's path.
 */
@ApiTags('operator')
@ApiBearerAuth()
@Controller('operator/queue-board')
export class QueueBoardController {
  constructor(private readonly jwt: JwtService) {}

  @Post('session')
  @Roles(Role.OPERATOR, Role.PLATFORM_ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: '打开队列监控（Bull Board）：换取 30 分钟有效的会话 Cookie。街道运营看只读、不含任务数据的视图；平台管理员可暂停、重试、清理（记入审计日志）' })
  @ApiOkResponse({ type: QueueBoardSessionResponse })
  async session(@CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response): Promise<QueueBoardSessionResponse> {
    const payload: BoardSessionPayload = { sub: user.userId, typ: 'queue_board' };
    const token = await this.jwt.signAsync(payload, { expiresIn: SESSION_SECONDS });
    res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: QUEUE_BOARD_PATH, maxAge: SESSION_SECONDS * 1000, secure: false });
    return { url: `${QUEUE_BOARD_PATH}/`, expiresInSeconds: SESSION_SECONDS };
  }
}

/**
 * Bull Board's page links IBM Plex from Google Fonts: unreachable from mainland China (and from the
 * machines here), so every visit would wait on it. The same template without that link, written once.
 */
function offlineViews(): string {
  const require = createRequire(import.meta.url);
  const uiDir = dirname(require.resolve('@bull-board/ui/package.json', { paths: [dirname(require.resolve('@bull-board/api'))] }));
  const template = readFileSync(join(uiDir, 'dist', 'index.ejs'), 'utf8').replace(/^\s*<link[^>]+fonts\.googleapis\.com[^>]*>\s*$/m, '');
  const dir = join(tmpdir(), 'carecircle-queue-board-views');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.ejs'), template);
  return dir;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

type BoardAccess = 'admin' | 'viewer';

/** Who is behind a board request, keyed by the request's headers object (the one thing the board hands its hooks). */
const boardUsers = new WeakMap<object, string>();

/**
 * The read-only board's API routes a region operator may call: queue lists and counts, one job's
 * state, Redis and worker stats. Job logs, flows and everything that writes are refused.
 */
const VIEWER_ROUTES = new Set([
  '/api/queues',
  '/api/queues/:queueName/:jobId',
  '/api/redis/stats',
  '/api/job-schedulers',
  '/api/queues/:queueName/workers',
  '/api/queues/:queueName/metrics',
  '/api/queues/:queueName/default-job-options',
  '/api/queues/:queueName/rate-limit',
]);

/**
 * The writes a platform admin may make, and how each is audited (action ≤ 24 characters). Others
 * the board offers stay refused: adding or editing jobs would put hand-written payloads into
 * dispatch, obliterating a queue or removing a repeatable job would stop the outbox relay and the
 * sweeps until the next worker start.
 */
const ADMIN_WRITES: Record<string, { action: string; object: 'board' | 'queue' | 'job' }> = {
  '/api/queues/pause': { action: 'queue_pause_all', object: 'board' },
  '/api/queues/resume': { action: 'queue_resume_all', object: 'board' },
  '/api/queues/:queueName/pause': { action: 'queue_pause', object: 'queue' },
  '/api/queues/:queueName/resume': { action: 'queue_resume', object: 'queue' },
  '/api/queues/:queueName/retry/:queueStatus': { action: 'queue_retry', object: 'queue' },
  '/api/queues/:queueName/clean/:queueStatus': { action: 'queue_clean', object: 'queue' },
  '/api/queues/:queueName/promote': { action: 'queue_promote', object: 'queue' },
  '/api/queues/:queueName/empty': { action: 'queue_empty', object: 'queue' },
  '/api/queues/:queueName/:jobId/retry': { action: 'queue_job_retry', object: 'job' },
  '/api/queues/:queueName/:jobId/clean': { action: 'queue_job_remove', object: 'job' },
  '/api/queues/:queueName/:jobId/promote': { action: 'queue_job_promote', object: 'job' },
};

/** Audit actions of the queue board, for tests and the README. */
export const QUEUE_BOARD_AUDIT_ACTIONS = [...new Set(Object.values(ADMIN_WRITES).map((w) => w.action))];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Job ids carry record ids (`sos-<uuid>`, `expiry-<offer>-<ms>`): the read-only view shows the kind and an opaque digest. */
export function maskJobId(id: unknown): string | undefined {
  if (id === undefined || id === null) return undefined;
  return String(id).replace(UUID, (uuid) => `~${createHash('sha256').update(uuid.toLowerCase()).digest('hex').slice(0, 8)}`);
}

const HIDDEN_REASON = '（只读视图不显示失败原因，需平台管理员查看）';

/** A job as a region operator sees it: timing, attempts and state; no data, result, failure text or stack. */
function viewerJob(job: Record<string, any> | undefined): Record<string, unknown> | undefined {
  if (!job) return job;
  const opts = (job.opts ?? {}) as Record<string, any>;
  return {
    id: maskJobId(job.id),
    name: typeof job.name === 'string' ? job.name : '',
    timestamp: job.timestamp,
    processedOn: job.processedOn,
    finishedOn: job.finishedOn,
    attempts: job.attempts,
    delay: job.delay,
    progress: typeof job.progress === 'number' ? job.progress : 0,
    isFailed: !!job.isFailed,
    failedReason: job.isFailed ? HIDDEN_REASON : undefined,
    stacktrace: [],
    data: null,
    returnValue: null,
    opts: {
      attempts: opts.attempts,
      delay: opts.delay,
      priority: opts.priority,
      backoff: opts.backoff,
      repeat: opts.repeat ? { every: opts.repeat.every, cron: opts.repeat.cron, tz: opts.repeat.tz } : undefined,
    },
  };
}

function viewerBody(route: string, body: any): any {
  if (!body || typeof body !== 'object' || 'error' in body) return body;
  if (route === '/api/queues' && Array.isArray(body.queues)) {
    return { ...body, queues: body.queues.map((q: Record<string, any>) => ({ ...q, jobs: (q.jobs ?? []).map(viewerJob) })) };
  }
  if (route === '/api/queues/:queueName/:jobId') return { ...body, job: viewerJob(body.job) };
  if (route === '/api/job-schedulers' && Array.isArray(body.schedulers)) {
    return { ...body, schedulers: body.schedulers.map((s: Record<string, any>) => ({ ...s, id: maskJobId(s.id) })) };
  }
  return body;
}

function boardError(res: Response, status: number, error: string, message: string): void {
  res.status(status).json({ error, message });
}

/**
 * Mounts Bull Board on the HTTP server (API processes only), behind the board session, as two
 * boards on one path: platform admins get the full board, whose every write is audited; region
 * operators get a read-only board without job payloads. Which one answers is decided per request
 * from the user's roles as they are now, so no URL leads a region operator to the full board.
 */
@Injectable()
export class QueueBoardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return;
    const views = offlineViews();
    const admin = this.adminBoard(views);
    const viewer = this.viewerBoard(views);
    http.getInstance().use(QUEUE_BOARD_PATH, (req: Request, res: Response, next: NextFunction) => void this.authorize(req, res, next), (req: Request, res: Response, next: NextFunction) => {
      const access = res.locals.queueBoardAccess as BoardAccess;
      if (access === 'admin') return admin(req, res, next);
      // Belt and braces: the viewer board is read-only and its hooks refuse writes too.
      if (req.method !== 'GET' && req.method !== 'HEAD') return boardError(res, 403, 'QUEUE_BOARD.READ_ONLY', '只读视图：暂停、重试、清理等操作需要平台管理员账号。');
      return viewer(req, res, next);
    });
  }

  private queues(): Queue[] {
    return Object.values(QUEUE).map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
  }

  private adminBoard(views: string): ExpressRouter {
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: this.queues().map((q) => new BullAdapter(q, { description: '平台管理员：可暂停、恢复、重试、清理（每次操作记入审计日志）' })),
      serverAdapter,
      options: {
        uiConfig: { boardTitle: 'CareCircle 队列（平台管理员）', hideDocsLink: true },
        handlerHooks: {
          before: ({ method, route }) => {
            if (method === 'get' || ADMIN_WRITES[route]) return;
            return { allow: false, status: 403, message: '此操作在 CareCircle 中不开放（只可暂停、恢复、重试、清理、提前执行）。' };
          },
          after: async ({ method, route, request }, result) => {
            const write = ADMIN_WRITES[route];
            if (method === 'get' || !write || (result.status ?? 200) >= 400) return result;
            const userId = boardUsers.get(request.headers);
            if (!userId) throw new Error('queue board write without a known user');
            const { queueName, jobId, queueStatus } = request.params as Record<string, string | undefined>;
            const action = queueStatus ? `${write.action}_${queueStatus}`.slice(0, 24) : write.action;
            if (write.object === 'board') await this.audit.record(userId, action, 'queue', '*');
            else if (write.object === 'queue') await this.audit.record(userId, action, 'queue', String(queueName));
            else await this.audit.record(userId, action, 'queue_job', `${queueName}/${jobId}`);
            return result;
          },
        },
      },
    });
    serverAdapter.setViewsPath(views);
    return serverAdapter.getRouter();
  }

  private viewerBoard(views: string): ExpressRouter {
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
    const adapters = this.queues().map((q) => {
      const adapter = new BullAdapter(q, { readOnlyMode: true, description: '只读视图：不显示任务数据；暂停、重试、清理需平台管理员' });
      adapter.setFormatter('data', () => null);
      adapter.setFormatter('returnValue', () => null);
      adapter.setFormatter('progress', (p) => (typeof p === 'number' ? p : 0));
      return adapter;
    });
    createBullBoard({
      queues: adapters,
      serverAdapter,
      options: {
        uiConfig: { boardTitle: 'CareCircle 队列（只读）', hideDocsLink: true },
        handlerHooks: {
          before: ({ method, route }) => {
            if (method === 'get' && VIEWER_ROUTES.has(route)) return;
            return { allow: false, status: 403, message: '只读视图：需要平台管理员账号。' };
          },
          after: ({ route }, result) => ({ ...result, body: viewerBody(route, result.body) }),
        },
      },
    });
    serverAdapter.setViewsPath(views);
    return serverAdapter.getRouter();
  }

  private async authorize(req: Request, res: Response, next: NextFunction): Promise<void> {
    const deny = (message: string) => {
      res.status(401).type('text/html; charset=utf-8').send(`<!doctype html><meta charset="utf-8"><title>队列监控</title><p style="font:16px sans-serif;margin:2em">${message}</p>`);
    };
    const token = cookieValue(req.headers.cookie, COOKIE);
    if (!token) return deny('请从运营后台的「队列监控」进入（需要运营人员或平台管理员账号）。');
    let access: BoardAccess;
    try {
      const payload = await this.jwt.verifyAsync<BoardSessionPayload>(token);
      if (payload.typ !== 'queue_board') return deny('会话无效，请从运营后台重新进入。');
      const [user] = await this.dataSource.query('SELECT roles FROM users WHERE id = ?', [payload.sub]);
      const roles: string[] = typeof user?.roles === 'string' ? JSON.parse(user.roles) : user?.roles ?? [];
      if (roles.includes(Role.PLATFORM_ADMIN)) access = 'admin';
      else if (roles.includes(Role.OPERATOR)) access = 'viewer';
      else return deny('当前账号没有查看队列的权限。');
      boardUsers.set(req.headers, payload.sub);
    } catch {
      return deny('会话已过期，请从运营后台重新进入。');
    }
    res.locals.queueBoardAccess = access;
    next();
  }
}

@Module({ imports: [RegulationModule], controllers: [QueueBoardController], providers: [QueueBoardMount] })
export class QueueBoardModule {}
