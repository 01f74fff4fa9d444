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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';

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
  @Roles(Role.OPERATOR)
  @HttpCode(200)
  @ApiOperation({ summary: '打开队列监控（Bull Board）：换取 30 分钟有效的会话 Cookie' })
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

/** Mounts the board on the HTTP server (API processes only), behind the operator's board session. */
@Injectable()
export class QueueBoardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return;
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
    const queues = Object.values(QUEUE).map((name) => new BullAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })));
    createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: 'CareCircle 队列' } } });
    serverAdapter.setViewsPath(offlineViews());
    http.getInstance().use(QUEUE_BOARD_PATH, (req: Request, res: Response, next: NextFunction) => void this.authorize(req, res, next), serverAdapter.getRouter());
  }

  private async authorize(req: Request, res: Response, next: NextFunction): Promise<void> {
    const deny = (message: string) => {
      res.status(401).type('text/html; charset=utf-8').send(`<!doctype html><meta charset="utf-8"><title>队列监控</title><p style="font:16px sans-serif;margin:2em">${message}</p>`);
    };
    const token = cookieValue(req.headers.cookie, COOKIE);
    if (!token) return deny('请从运营后台的「队列监控」进入（需要运营人员账号）。');
    try {
      const payload = await this.jwt.verifyAsync<BoardSessionPayload>(token);
      if (payload.typ !== 'queue_board') return deny('会话无效，请从运营后台重新进入。');
      const [user] = await this.dataSource.query('SELECT roles FROM users WHERE id = ?', [payload.sub]);
      const roles: string[] = typeof user?.roles === 'string' ? JSON.parse(user.roles) : user?.roles ?? [];
      if (!roles.includes(Role.OPERATOR)) return deny('当前账号没有查看队列的权限。');
      next();
    } catch {
      deny('会话已过期，请从运营后台重新进入。');
    }
  }
}

@Module({ controllers: [QueueBoardController], providers: [QueueBoardMount] })
export class QueueBoardModule {}
