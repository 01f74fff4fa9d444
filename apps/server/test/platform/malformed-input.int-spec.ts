import { ROLES } from '@carecircle/shared';
import { DispatchFixture } from '../support/dispatch-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Operation = { requestBody?: unknown; parameters?: { in: string; name: string; required?: boolean }[] };

/**
 * Every endpoint in the OpenAPI document, called with bad input by a user holding every role:
 * the answer is always a 4xx in the one error shape, never a 500, and validation failures name a field.
 */
describe('malformed input to every endpoint', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await createTestApp();
    const d = await new DispatchFixture(t).setup();
    const everyone = await d.f.login('全角色');
    // Every role there is, the platform admin's included, read from the one list so a new role is swept too.
    await t.dataSource.query(`UPDATE users SET roles = ? WHERE id = ?`, [JSON.stringify(ROLES), everyone.tokens.user.id]);
    auth = everyone.auth;
    paths = (await t.http.get('/api/docs-json').expect(200)).body.paths;
  });
  afterAll(() => t.close());

  const BAD_BODIES: unknown[] = [{ unexpected: true }, { name: 12345, code: [], location: 'here', stars: 'five', tasks: 'x', onDuty: 'yes', staffId: 7 }, []];
  const FAKE_ID = '00000000-0000-4000-8000-000000000000';

  it('answers bad bodies and unknown ids with a 4xx naming what is wrong', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const [template, ops] of Object.entries(paths)) {
      if (template.includes('/stream')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const withFakeIds = template.replace(/\{[^}]+\}/g, FAKE_ID);
        const withBadIds = template.replace(/\{[^}]+\}/g, 'not-a-uuid');
        const targets = [withFakeIds, ...(withBadIds !== withFakeIds ? [withBadIds] : [])];
        const bodies = op.requestBody ? BAD_BODIES : [undefined];
        for (const url of targets) {
          for (const body of bodies) {
            calls++;
            const req = (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)[method](url).set(auth).set('Idempotency-Key', `fuzz-key-${calls}`);
            const res = body === undefined ? await req : await req.send(body as object);
            const label = `${method.toUpperCase()} ${url} ${JSON.stringify(body) ?? ''} → ${res.status}`;
            if (res.status >= 500) failures.push(`${label} ${JSON.stringify(res.body)}`);
            else if (res.status >= 400) {
              if (typeof res.body?.error !== 'string' || typeof res.body?.message !== 'string' || typeof res.body?.requestId !== 'string') failures.push(`${label}: not the error shape`);
              if (res.body.error === 'VALIDATION_FAILED' && !(res.body.details?.fields?.length > 0)) failures.push(`${label}: no field named`);
            } else if (op.requestBody && body !== undefined && res.status < 300 && method !== 'get') {
              failures.push(`${label}: accepted a malformed body`);
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(60);
    expect(failures).toEqual([]);
  });
});
