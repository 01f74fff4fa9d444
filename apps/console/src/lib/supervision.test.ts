import { drawInspection } from '@carecircle/shared';
import { describe, expect, it } from 'vitest';
import { createApiClient, memoryStore } from '../api';
import { creditTone, documentProblem, formatBytes, reproduceDraw, sha256Hex, supervisionApi } from './supervision';

describe('supervision helpers', () => {
  it('colours a credit score by its distance to the suspension line', () => {
    expect(creditTone(100, 60)).toEqual({ color: 'green', label: '正常' });
    expect(creditTone(65, 60).color).toBe('orange');
    expect(creditTone(59, 60)).toEqual({ color: 'red', label: '低于 60 分，已暂停派单' });
  });

  it('refuses files the server would refuse, before sending them', () => {
    expect(documentProblem({ name: '执照.pdf', type: 'application/pdf', size: 1000 })).toBeNull();
    expect(documentProblem({ name: 'photo.JPG', type: '', size: 1000 })).toBeNull();
    expect(documentProblem({ name: 'setup.exe', type: 'application/x-msdownload', size: 1000 })).toBe('只能上传 PDF、JPG 或 PNG 文件');
    expect(documentProblem({ name: 'big.png', type: 'image/png', size: 10 * 1024 * 1024 + 1 })).toBe('文件不能超过 10 MB');
    expect(formatBytes(2_621_440)).toBe('2.5 MB');
  });

  it('reproduces a logged draw from its seed and pools, and notices a tampered result', () => {
    const providerPool = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const inspectorPool = ['i1', 'i2', 'i3'];
    const r = drawInspection({ seed: '20261127-000042', providerPool, inspectorPool, providerCount: 2, inspectorCount: 2 });
    const draw = {
      seed: '20261127-000042', providerPool, inspectorPool, providerCount: 2, inspectorCount: 2,
      providers: r.providerIds.map((id) => ({ id, name: id })), inspectors: r.inspectorIds.map((id) => ({ id, name: id, organisation: '民政局' })),
    };
    expect(reproduceDraw(draw)).toBe(true);
    expect(reproduceDraw({ ...draw, providers: [...draw.providers].reverse() })).toBe(false);
    expect(reproduceDraw({ ...draw, seed: 'other' })).toBe(false);
  });

  it('hashes a revealed seed as the server does (SHA-256, hex), so anyone can check it against the published hash', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('cannot reproduce a draw whose seed is not revealed yet', () => {
    expect(reproduceDraw({ seed: null, providerPool: ['p1'], inspectorPool: ['i1'], providerCount: 1, inspectorCount: 1, providers: [], inspectors: [] })).toBe(false);
  });

  it('uploads a document as multipart, not JSON, with the bearer token', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const client = createApiClient({
      store: memoryStore({ accessToken: 'tok', refreshToken: 'r', user: { id: 'u', nickname: '吴主任', roles: ['operator'] } as never }),
      fetch: async (url, init) => {
        calls.push({ url: String(url), init: init! });
        return new Response(JSON.stringify({ id: 'd1' }), { status: 201, headers: { 'content-type': 'application/json' } });
      },
    });
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], '执照.pdf', { type: 'application/pdf' });
    await supervisionApi(client).uploadDocument('p-1', 'licence', '营业执照', file);
    const { url, init } = calls[0];
    expect(url).toBe('/api/supervision/providers/p-1/documents');
    expect(init.method).toBe('POST');
    const headers = init.headers as Record<string, string>;
    expect(headers['content-type']).toBeUndefined();
    expect(headers.authorization).toBe('Bearer tok');
    const form = init.body as FormData;
    expect(form.get('kind')).toBe('licence');
    expect(form.get('title')).toBe('营业执照');
    expect((form.get('file') as File).name).toBe('执照.pdf');
  });
});
