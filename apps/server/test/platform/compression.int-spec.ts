import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DispatchFixture } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Raw {
  status: number;
  encoding: string | undefined;
  contentType: string;
  body: Buffer;
}

describe('text compression', () => {
  let t: TestApp;
  let port = 0;
  const dir = mkdtempSync(join(tmpdir(), 'cc-compression-'));
  // Built bundles are minified JS and HTML: repetitive text that compresses well.
  const script = Array.from({ length: 400 }, (_, i) => `function f${i}(a){return a.map(function(x){return x*${i}})}`).join(';');
  const page = `<!doctype html><html><head><title>长者服务</title></head><body>${'<div class="cc-card">服务</div>'.repeat(100)}</body></html>`;

  beforeAll(async () => {
    mkdirSync(join(dir, 'h5', 'js'), { recursive: true });
    mkdirSync(join(dir, 'console'), { recursive: true });
    writeFileSync(join(dir, 'h5', 'index.html'), page);
    writeFileSync(join(dir, 'h5', 'js', 'app.js'), script);
    writeFileSync(join(dir, 'console', 'index.html'), page);
    t = await createTestApp({ staticDirs: { h5DistDir: join(dir, 'h5'), consoleDistDir: join(dir, 'console') } });
    const server = t.app.getHttpServer() as http.Server;
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One GET as a browser sends it, read raw (not decompressed), up to `until` for a stream that stays open. */
  function get(path: string, headers: Record<string, string>, until?: (body: Buffer) => boolean): Promise<Raw> {
    return new Promise((resolve, reject) => {
      const req = http.get(`http://127.0.0.1:${port}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        const done = () => {
          resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) });
          req.destroy();
        };
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          if (until?.(Buffer.concat(chunks))) done();
        });
        res.on('end', done);
      });
      req.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
    });
  }

  it('serves the H5 bundle brotli-compressed to browsers that take br, gzip to the rest, the same bytes either way', async () => {
    const br = await get('/js/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br).toMatchObject({ status: 200, encoding: 'br' });
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 4);

    const gzip = await get('/js/app.js', { 'accept-encoding': 'gzip' });
    expect(gzip).toMatchObject({ status: 200, encoding: 'gzip' });
    expect(gunzipSync(gzip.body).toString()).toBe(script);

    const plain = await get('/js/app.js', {});
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('compresses the H5 and console pages', async () => {
    for (const path of ['/', '/console/', '/console/providers']) {
      const res = await get(path, { 'accept-encoding': 'gzip, br' });
      expect({ path, status: res.status, encoding: res.encoding }).toEqual({ path, status: 200, encoding: 'br' });
      expect(brotliDecompressSync(res.body).toString()).toBe(page);
    }
  });

  it('compresses JSON responses', async () => {
    const res = await get('/api/docs-json', { 'accept-encoding': 'gzip, br' });
    expect(res).toMatchObject({ status: 200, encoding: 'br' });
    expect(res.contentType).toContain('application/json');
    expect(JSON.parse(brotliDecompressSync(res.body).toString())).toMatchObject({ info: { title: 'CareCircle API' } });
  });

  it('never compresses the live order stream, so each event reaches the app as it is sent', async () => {
    const d = await new DispatchFixture(t).setup();
    const family = await d.family();
    const order = await d.order(family.auth, { elderId: family.elder.id, serviceCode: 'cleaning' });
    const { ticket } = (await t.http.post(`/api/orders/${order.id}/stream-ticket`).set(family.auth).expect(201)).body as { ticket: string };
    const started = Date.now();
    const stream = await get(`/api/orders/${order.id}/stream?ticket=${ticket}`, { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' }, (body) =>
      body.toString().includes('\n\n'),
    );
    expect(stream.status).toBe(200);
    expect(stream.encoding).toBeUndefined();
    expect(stream.contentType).toContain('text/event-stream');
    expect(stream.body.toString()).toContain(`"orderId":"${order.id}"`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
