import { ROLES } from '@carecircle/shared';
import type { Test } from 'supertest';
import { seedDemoDistrict } from '../../src/database/seed/demo-district.js';
import { Factories } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Schema = {
  $ref?: string; type?: string; format?: string; enum?: unknown[]; example?: unknown; items?: Schema; nullable?: boolean;
  properties?: Record<string, Schema>; required?: string[]; allOf?: Schema[]; oneOf?: Schema[]; additionalProperties?: boolean | Schema;
};
type Operation = { requestBody?: { content: Record<string, { schema: Schema }> } };

/**
 * The API documentation is what client developers copy from: every example in it must be what the server accepts
 * (request bodies, through the real validation) and what it sends (the declared type, format and enum of its field).
 */
describe('OpenAPI examples match the real shapes', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const FAKE_ID = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    t = await createTestApp();
    // The examples name the demo district's places (朝阳社区, 玉山镇): they must be accepted there.
    await seedDemoDistrict(t.dataSource, t.cipher);
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  }, 120_000);
  afterAll(() => t.close());

  const resolve = (s: Schema): Schema => (s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]) : s.allOf?.length === 1 ? resolve(s.allOf[0]) : s);

  /** A body from the schema's examples; where a field has none, a plain value of its type, so the examples are judged on their own. */
  function exampleOf(schema: Schema, path: string, exampled: Set<string>, depth = 0): unknown {
    const s = resolve(schema);
    if (s.example !== undefined) {
      exampled.add(path);
      return s.example;
    }
    if (depth > 4) return undefined;
    if (s.properties) return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, exampleOf(v, path ? `${path}.${k}` : k, exampled, depth + 1)]).filter(([, v]) => v !== undefined));
    if (s.type === 'array' && s.items) return [exampleOf(s.items, `${path}.0`, exampled, depth + 1)];
    if (s.enum?.length) return s.enum[0];
    return s.type === 'number' || s.type === 'integer' ? 1 : s.type === 'boolean' ? true : s.type === 'string' ? (s.format === 'date-time' ? new Date().toISOString() : s.format === 'date' ? '2026-12-01' : '示例') : undefined;
  }

  /** Where an example's value disagrees with its own field's declared type, format or enum. */
  function mismatches(schema: Schema, path: string, out: string[], seen = new Set<Schema>()): void {
    const s = resolve(schema);
    if (seen.has(s)) return;
    seen.add(s);
    if (s.example !== undefined && !(s.example === null && s.nullable)) {
      const e = s.example;
      const ok =
        (s.enum ? s.enum.includes(e) || (Array.isArray(e) && e.every((x) => s.enum!.includes(x))) : true) &&
        (s.type === 'string' ? typeof e === 'string' && (s.format !== 'date-time' || !Number.isNaN(Date.parse(e))) && (s.format !== 'date' || /^\d{4}-\d{2}-\d{2}$/.test(e)) && (s.format !== 'uuid' || /^[0-9a-f-]{36}$/i.test(e))
          : s.type === 'integer' ? Number.isInteger(e)
          : s.type === 'number' ? typeof e === 'number'
          : s.type === 'boolean' ? typeof e === 'boolean'
          : s.type === 'array' ? Array.isArray(e)
          : s.type === 'object' ? typeof e === 'object' && e !== null && !Array.isArray(e)
          : true);
      if (!ok) out.push(`${path}: example ${JSON.stringify(e)} is not a ${s.format ?? s.type}${s.enum ? ` of ${JSON.stringify(s.enum)}` : ''}`);
    }
    for (const [k, v] of Object.entries(s.properties ?? {})) mismatches(v, `${path}.${k}`, out, seen);
    if (s.items) mismatches(s.items, `${path}[]`, out, seen);
  }

  it('every field example has its field\'s type, format and enum', () => {
    const out: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) mismatches(schema, name, out);
    expect(out).toEqual([]);
  });

  it('every request body built from the examples passes the server\'s validation of those fields', async () => {
    const everyone = await new Factories(t).login('示例');
    await t.dataSource.query('UPDATE users SET roles = ? WHERE id = ?', [JSON.stringify(ROLES), everyone.tokens.user.id]);
    await t.dataSource.query(`INSERT INTO operator_regions (user_id, region_id) SELECT ?, id FROM regions WHERE code = 'ks-ys'`, [everyone.tokens.user.id]);
    const refused: string[] = [];
    let bodies = 0;
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const json = op.requestBody?.content['application/json'];
        if (!json || template.startsWith('/api/auth/')) continue;
        const exampled = new Set<string>();
        const body = exampleOf(json.schema, '', exampled);
        if (exampled.size === 0) continue;
        bodies++;
        const res = await (t.http as unknown as Record<string, (u: string) => Test>)[method](template.replace(/\{[^}]+\}/g, FAKE_ID))
          .set(everyone.auth).set('Idempotency-Key', `example-${bodies}-${Date.now()}`).send(body as object);
        if (res.body?.error !== 'VALIDATION_FAILED') continue;
        for (const f of res.body.details.fields as { field: string; message: string }[]) {
          if (exampled.has(f.field)) refused.push(`${method.toUpperCase()} ${template}: the example of ${f.field} (${JSON.stringify(pick(body, f.field))}) is refused: ${f.message}`);
        }
      }
    }
    expect(bodies).toBeGreaterThan(10);
    expect(refused).toEqual([]);
  }, 120_000);
});

function pick(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
}
