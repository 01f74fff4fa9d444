import { RequestMethod, ValidationPipe, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { validationFailed } from './common/errors/validation.js';
import { requestLogger } from './common/logging/logger.js';

export interface HttpSetup {
  logger: Logger;
  /** Built H5 app to serve at `/` (apps/miniapp/dist/h5). */
  h5DistDir?: string;
  /** Built operator console to serve at `/console`. */
  consoleDistDir?: string;
}

/** Everything about the HTTP surface, shared by main.ts and the tests so both see one server. */
export function configureHttp(app: NestExpressApplication, setup: HttpSetup): void {
  app.use(requestLogger(setup.logger));
  // brotli or gzip for JSON and the static H5/console files; never for SSE, whose events would wait in the compressor's buffer.
  app.use(compression({ filter: (req, res) => !isEventStream(req, res) && compression.filter(req, res) }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // wx.request has no PATCH: the mini-program sends POST with X-HTTP-Method-Override.
  app.use((req: { method: string; headers: Record<string, string | string[] | undefined> }, _res: unknown, next: () => void) => {
    const override = req.headers['x-http-method-override'];
    if (req.method === 'POST' && typeof override === 'string' && /^(PATCH|PUT|DELETE)$/i.test(override)) req.method = override.toUpperCase();
    next();
  });
  app.useBodyParser('json', { limit: '256kb' });
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // The value is read only to tell a missing field from a wrong one (validation.ts); it never leaves the process.
      validationError: { target: false, value: true },
      exceptionFactory: validationFailed,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableCors({ origin: true, credentials: false, exposedHeaders: ['x-request-id'] });
  setupOpenApi(app);
  if (setup.h5DistDir && existsSync(setup.h5DistDir)) app.useStaticAssets(setup.h5DistDir, { index: 'index.html', maxAge: '1h' });
  if (setup.consoleDistDir && existsSync(setup.consoleDistDir)) {
    app.useStaticAssets(setup.consoleDistDir, { prefix: '/console', index: 'index.html' });
    // The console routes in the browser (/console/providers …): any other page under /console is its index.
    const index = join(setup.consoleDistDir, 'index.html');
    app.use((req: { method: string; path: string }, res: { sendFile: (path: string) => void }, next: () => void) => {
      if (req.method === 'GET' && /^\/console(\/[^.]*)?$/.test(req.path)) res.sendFile(index);
      else next();
    });
  }
}

function isEventStream(req: Request, res: Response): boolean {
  return String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') || (req.headers.accept ?? '').includes('text/event-stream');
}

function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('CareCircle API')
    .setDescription('一老一小 15 分钟服务圈：家庭、老人、婴幼儿、服务下单与派单。错误统一为 {statusCode, error, message, details?, requestId}。')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
