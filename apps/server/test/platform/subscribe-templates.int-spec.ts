import { Factories } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('subscribe-message templates per scene', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await createTestApp({
      env: { WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify({ 'order.status_changed': 'T-ORDER', 'sos.raised': 'T-SOS', 'assessment.expiring': 'T-ASSESS', 'eligibility.expiring': 'T-ASSESS' }) },
    });
    f = new Factories(t);
  });
  afterAll(() => t.close());

  it('gives the app the registered templates of a scene (deduplicated, at most 3), none where none are registered', async () => {
    const { auth } = await f.login('订阅家属');
    expect((await t.http.get('/api/notifications/subscribe-templates?scene=order').set(auth).expect(200)).body).toEqual({ scene: 'order', templateIds: ['T-ORDER'] });
    expect((await t.http.get('/api/notifications/subscribe-templates?scene=elder').set(auth).expect(200)).body).toEqual({ scene: 'elder', templateIds: ['T-SOS', 'T-ASSESS'] });
    expect((await t.http.get('/api/notifications/subscribe-templates?scene=meal').set(auth).expect(200)).body).toEqual({ scene: 'meal', templateIds: [] });
    const bad = await t.http.get('/api/notifications/subscribe-templates?scene=lottery').set(auth).expect(400);
    expect(bad.body.details.fields[0].field).toBe('scene');
    await t.http.get('/api/notifications/subscribe-templates?scene=order').expect(401);
  });
});
