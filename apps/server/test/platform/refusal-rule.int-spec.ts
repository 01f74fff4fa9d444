import { ROLES } from '@carecircle/shared';
import type { Test } from 'supertest';
import { Factories } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Operation = { requestBody?: { content: Record<string, { schema: { $ref?: string } }> }; 'x-required-roles'?: string[] };

/**
 * One rule for 403 and 404, on every route of the OpenAPI document (see `Roles` in common/auth/decorators.ts):
 * 403 is about the caller — a route for a role they do not hold, or a standing they lack on a record they can see;
 * 404 is about the record — one that does not exist and one the caller may not know exists look the same.
 */
describe('403 for roles, 404 for records the caller may not see', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  const FAKE_ID = '00000000-0000-4000-8000-000000000000';
  /** Refusals about the caller rather than the record: they may be 403 even where the record is unknown. */
  const ABOUT_THE_CALLER = new Set(['AUTH.FORBIDDEN_ROLE', 'STAFF.NOT_STAFF']);

  beforeAll(async () => {
    t = await createTestApp();
    paths = (await t.http.get('/api/docs-json').expect(200)).body.paths;
  });
  afterAll(() => t.close());

  const call = (method: string, template: string, auth: { Authorization: string }, op: Operation): Test => {
    const req = (t.http as unknown as Record<string, (u: string) => Test>)[method](template.replace(/\{[^}]+\}/g, FAKE_ID)).set(auth).set('Idempotency-Key', `rule-${Math.random().toString(36).slice(2, 12)}`);
    return op.requestBody ? req.send({}) : req;
  };
  const operations = () => Object.entries(paths).flatMap(([template, ops]) => Object.entries(ops).map(([method, op]) => ({ template, method, op }))).filter((o) => !o.template.includes('/stream'));

  it('publishes the roles of every role-restricted route', () => {
    const restricted = operations().filter((o) => o.op['x-required-roles']);
    expect(restricted.length).toBeGreaterThan(50);
    for (const o of restricted) for (const role of o.op['x-required-roles']!) expect(ROLES).toContain(role);
  });

  it('answers a caller without the route\'s role 403 AUTH.FORBIDDEN_ROLE, whatever the ids and body', async () => {
    const f = new Factories(t);
    const wrong: string[] = [];
    let checked = 0;
    for (const role of ROLES) {
      const user = await f.login(`只有${role}`);
      await t.dataSource.query('UPDATE users SET roles = ? WHERE id = ?', [JSON.stringify([role]), user.tokens.user.id]);
      for (const { template, method, op } of operations()) {
        const required = op['x-required-roles'];
        if (!required || required.includes(role)) continue;
        checked++;
        const res = await call(method, template, user.auth, op);
        if (res.status !== 403 || res.body.error !== 'AUTH.FORBIDDEN_ROLE') wrong.push(`${role}: ${method.toUpperCase()} ${template} → ${res.status} ${res.body.error}`);
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('names every required field left out of a body as required', async () => {
    const everyone = await new Factories(t).login('空表单');
    await t.dataSource.query('UPDATE users SET roles = ? WHERE id = ?', [JSON.stringify(ROLES), everyone.tokens.user.id]);
    const schemas = (await t.http.get('/api/docs-json').expect(200)).body.components.schemas as Record<string, { required?: string[] }>;
    const wrong: string[] = [];
    let checked = 0;
    for (const { template, method, op } of operations()) {
      const ref = op.requestBody?.content['application/json']?.schema.$ref;
      const required = ref ? schemas[ref.split('/').pop()!].required ?? [] : [];
      if (!required.length || template.startsWith('/api/auth/')) continue;
      const res = await call(method, template, everyone.auth, op);
      if (res.body.error !== 'VALIDATION_FAILED') continue;
      checked++;
      const fields = new Map((res.body.details.fields as { field: string; message: string }[]).map((f) => [f.field, f.message]));
      for (const name of required) {
        const message = fields.get(name);
        if (message === undefined) wrong.push(`${method.toUpperCase()} ${template}: ${name} missing but not named`);
        else if (!/^(请填写|请选择|请输入|请上传|请至少|请在|请提供|缺少|必填)/.test(message)) wrong.push(`${method.toUpperCase()} ${template}: ${name} → ${message}`);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('answers a record nobody can see 404 *_NOT_FOUND, never 403, for a caller holding every role', async () => {
    const everyone = await new Factories(t).login('全角色');
    await t.dataSource.query('UPDATE users SET roles = ? WHERE id = ?', [JSON.stringify(ROLES), everyone.tokens.user.id]);
    const wrong: string[] = [];
    for (const { template, method, op } of operations()) {
      if (!template.includes('{')) continue;
      const res = await call(method, template, everyone.auth, op);
      const label = `${method.toUpperCase()} ${template} → ${res.status} ${res.body.error}`;
      if (res.status === 403 && !ABOUT_THE_CALLER.has(res.body.error)) wrong.push(`${label}: 403 for a record`);
      if (res.status === 404 && !/NOT_FOUND$|^INVITE\.INVALID$/.test(res.body.error)) wrong.push(`${label}: 404 without a not-found code`);
      if (res.status < 300) wrong.push(`${label}: answered for a record that does not exist`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
