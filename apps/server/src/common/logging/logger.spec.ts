import { Writable } from 'node:stream';
import { createRootLogger, redactSecrets } from './logger.js';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1LTEiLCJ0eXAiOiJhY2Nlc3MifQ.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu';
const TICKET = 'Qk9HVVMtdGlja2V0LXZhbHVlLWZvci10aGUtdGVzdHMx';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe(redactSecrets.name, () => {
  it('masks JWT-shaped strings anywhere in a line', () => {
    expect(redactSecrets(`{"msg":"refresh failed for ${JWT} again"}`)).toBe('{"msg":"refresh failed for [REDACTED_JWT] again"}');
  });

  it('masks credential query parameters and leaves the rest of the URL readable', () => {
    expect(redactSecrets(`/api/orders/o-1/stream?ticket=${TICKET}&x=1`)).toBe('/api/orders/o-1/stream?ticket=[REDACTED]&x=1');
    expect(redactSecrets(`/api/orders/o-1/stream?access_token=${JWT}`)).toBe('/api/orders/o-1/stream?access_token=[REDACTED]');
    expect(redactSecrets('https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=93_abcDEF')).toBe('https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=[REDACTED]');
    expect(redactSecrets('/api/catalog/quote?serviceCode=cleaning&elderId=e-1')).toBe('/api/catalog/quote?serviceCode=cleaning&elderId=e-1');
  });
});

describe('createRootLogger', () => {
  it('writes no token, ticket or authorization header, whatever is logged', () => {
    const { lines, stream } = capture();
    const logger = createRootLogger('info', stream);
    logger.info({ req: { url: `/api/orders/o-1/stream?ticket=${TICKET}`, headers: { authorization: `Bearer ${JWT}`, cookie: `cc_queue_board=${JWT}` } } }, 'request');
    logger.warn({ err: new Error(`jwt malformed: ${JWT}`) }, 'token refused');
    const out = lines.join('');
    expect(lines).toHaveLength(2);
    expect(out).not.toContain(TICKET);
    expect(out).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(out).toContain('/api/orders/o-1/stream?ticket=[REDACTED]');
  });
});
