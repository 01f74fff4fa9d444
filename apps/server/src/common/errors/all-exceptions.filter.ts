import type { ApiErrorBody } from '@carecircle/shared';
import { ErrorCode } from '@carecircle/shared';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, httpStatusFor } from './domain-error.js';

const STATUS_CODES: Record<number, { code: ErrorCode; message: string }> = {
  400: { code: ErrorCode.BAD_REQUEST, message: '请求有误' },
  401: { code: ErrorCode.UNAUTHENTICATED, message: '请先登录' },
  403: { code: ErrorCode.FORBIDDEN_ROLE, message: '没有权限进行此操作' },
  404: { code: ErrorCode.NOT_FOUND, message: '未找到' },
  409: { code: ErrorCode.CONFLICT, message: '操作冲突，请刷新后重试' },
  413: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: '提交的内容过大' },
  429: { code: ErrorCode.TOO_MANY_REQUESTS, message: '操作过于频繁，请稍后再试' },
};

/** Every error leaves the server in one shape: { statusCode, error, message, details?, requestId }. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const body = this.toBody(exception, req);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId, path: req.originalUrl }, 'unhandled error');
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, req: Request & { id?: string }): ApiErrorBody {
    const requestId = String(req.id ?? '');
    if (exception instanceof DomainError) {
      const body: ApiErrorBody = { statusCode: httpStatusFor(exception.code), error: exception.code, message: exception.message, requestId };
      if (exception.details) body.details = exception.details;
      return body;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = STATUS_CODES[status];
      if (status === HttpStatus.NOT_FOUND && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(exception.message)) {
        return { statusCode: 404, error: ErrorCode.ROUTE_NOT_FOUND, message: `没有这个接口：${req.method} ${req.originalUrl.split("?")[0]}`, requestId };
      }
      if (status === HttpStatus.BAD_REQUEST && isBodyParseError(exception)) {
        return { statusCode: 400, error: ErrorCode.VALIDATION_FAILED, message: '请求体不是有效的 JSON', details: { fields: [{ field: 'body', message: '请求体不是有效的 JSON' }] }, requestId };
      }
      if (status === HttpStatus.SERVICE_UNAVAILABLE) {
        const response = exception.getResponse();
        return { statusCode: 503, error: ErrorCode.SERVICE_UNAVAILABLE, message: '服务暂不可用，请稍后再试', details: typeof response === 'object' ? (response as Record<string, unknown>) : undefined, requestId };
      }
      return {
        statusCode: status,
        error: known?.code ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST),
        message: status >= 500 ? '服务器开小差了，请稍后再试' : known?.message ?? exception.message,
        requestId,
      };
    }
    if (isBodyParserError(exception)) {
      const status = exception.status ?? 400;
      if (status === 413) return { statusCode: 413, error: ErrorCode.PAYLOAD_TOO_LARGE, message: '提交的内容过大', requestId };
      return { statusCode: 400, error: ErrorCode.VALIDATION_FAILED, message: '请求体不是有效的 JSON', details: { fields: [{ field: 'body', message: '请求体不是有效的 JSON' }] }, requestId };
    }
    return { statusCode: 500, error: ErrorCode.INTERNAL, message: '服务器开小差了，请稍后再试', requestId };
  }
}

function isBodyParseError(exception: HttpException): boolean {
  const cause = (exception as { cause?: unknown }).cause;
  return isBodyParserError(cause) || /JSON/.test(exception.message);
}

function isBodyParserError(value: unknown): value is { type: string; status?: number } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' &&
    /^(entity\.parse\.failed|entity\.too\.large|encoding\.unsupported|charset\.unsupported|request\.aborted)$/.test((value as { type: string }).type);
}
