import type { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { pinoHttp } from 'pino-http';

const JWT = /eyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]+/g;
/** Query parameters that carry credentials (ours: the stream ticket; WeChat's: access_token). */
const SECRET_PARAM = /([?&](?:access_token|refresh_token|id_token|token|ticket|jwt|secret|password|signature|api_?key|session_?key)=)[^&#\s"]*/gi;

/** Masks credentials in one serialized log line: JWT-shaped strings anywhere, credential query parameters in any URL. */
export function redactSecrets(line: string): string {
  return line.replace(JWT, '[REDACTED_JWT]').replace(SECRET_PARAM, '$1[REDACTED]');
}

/**
 * Every line passes through redactSecrets on its way out, whoever logged it (a request URL, an
 * error's message, a library's object); known header paths are also redacted as objects.
 */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'carecircle' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]', 'headers.authorization', 'headers.cookie'],
    hooks: { streamWrite: redactSecrets },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's own logs go through pino too, so every line is one JSON object. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) { this.write('info', message, context); }
  error(message: unknown, trace?: string, context?: string) { this.write('error', message, context, trace); }
  warn(message: unknown, context?: string) { this.write('warn', message, context); }
  debug(message: unknown, context?: string) { this.write('debug', message, context); }
  verbose(message: unknown, context?: string) { this.write('trace', message, context); }
  fatal(message: unknown, context?: string) { this.write('fatal', message, context); }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string, trace?: string) {
    if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...(message as object), ...(trace ? { trace } : {}) });
    } else {
      this.logger[level]({ context, ...(trace ? { trace } : {}) }, String(message));
    }
  }
}

/** One access-log line per request, tagged with a request id the client may send (x-request-id). */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactSecrets(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
