import { appRoutes } from '@bull-board/api/dist/routes.js';
import { JOB, QUEUE } from '@carecircle/shared';
import { getQueueToken } from '@nestjs/bull';
import { JwtService } from '@nestjs/jwt';
import type { Job, Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { Factories } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const BOARD = '/api/operator/queue-board';

describe('Bull Board behind operator auth', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factories(t);
  });
  afterAll(() => t.close());

  async function operatorCookie(name = '队列运营', roles = '["operator"]'): Promise<{ cookie: string; userId: string }> {
    const op = await f.login(name);
    await t.dataSource.query(`UPDATE users SET roles = ? WHERE id = ?`, [roles, op.tokens.user.id]);
    const res = await t.http.post(`${BOARD}/session`).set(op.auth).expect(200);
    expect(res.body).toEqual({ url: `${BOARD}/`, expiresInSeconds: 1800 });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = setCookie.find((c) => c.startsWith('cc_queue_board='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/api\/operator\/queue-board/);
    return { cookie: cookie.split(';')[0], userId: op.tokens.user.id };
  }

  it('refuses the board without a session, with a page that says where to come from', async () => {
    const res = await t.http.get(`${BOARD}/`).expect(401);
    expect(res.text).toContain('请从运营后台的「队列监控」进入');
    await t.http.get(`${BOARD}/api/queues`).set('cookie', 'cc_queue_board=forged.token.value').expect(401);
  });

  it('gives a session only to operators', async () => {
    const family = await f.login('普通家属');
    const res = await t.http.post(`${BOARD}/session`).set(family.auth).expect(403);
    expect(res.body.error).toBe('AUTH.FORBIDDEN_ROLE');
    await t.http.post(`${BOARD}/session`).expect(401);
  });

  it('shows every queue to an operator, and stops once the operator role is taken away', async () => {
    const { cookie, userId } = await operatorCookie();
    const page = await t.http.get(`${BOARD}/`).set('cookie', cookie).expect(200);
    expect(page.text).toContain('CareCircle 队列');
    expect(page.text).not.toContain('fonts.googleapis.com');
    const queues = (await t.http.get(`${BOARD}/api/queues`).set('cookie', cookie).expect(200)).body.queues as { name: string }[];
    expect(queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUE).sort());

    await t.dataSource.query(`UPDATE users SET roles = '["family"]' WHERE id = ?`, [userId]);
    await t.http.get(`${BOARD}/api/queues`).set('cookie', cookie).expect(401);
  });

  function queue(name: string): Queue {
    return t.app.get<Queue>(getQueueToken(name), { strict: false });
  }

  async function auditRows(): Promise<{ user_id: string; action: string; entity: string; entity_id: string }[]> {
    return t.dataSource.query(`SELECT user_id, action, entity, entity_id FROM audit_log WHERE entity IN ('queue', 'queue_job') ORDER BY id`);
  }

  /** One SOS job in each state a payload can show in: delayed (data), failed (reason, stack) and completed (return value). */
  async function sosJobs(queueName: string = QUEUE.DISPATCH): Promise<{ sosId: string; delayed: Job; failed: Job; completed: Job }> {
    const q = queue(queueName);
    const sosId = randomUUID();
    const delayed = await q.add(JOB.SOS_BROADCAST, { sosId }, { jobId: `sos-${sosId}`, delay: 3_600_000 });
    await q.add(JOB.SOS_BROADCAST, { sosId, note: `failed-${sosId}` }, { jobId: `sos-failed-${sosId}`, attempts: 1 });
    const failed = (await q.getNextJob())!;
    await failed.moveToFailed({ message: `SOS ${sosId} could not be broadcast` }, true);
    await failed.releaseLock();
    await q.add(JOB.SOS_BROADCAST, { sosId, note: `done-${sosId}` }, { jobId: `sos-done-${sosId}`, attempts: 1 });
    const completed = (await q.getNextJob())!;
    await completed.moveToCompleted(JSON.stringify({ sosId, notified: 3 }), true, true);
    await completed.releaseLock();
    await finishedAMinuteAgo(q, failed, 'failed');
    await finishedAMinuteAgo(q, completed, 'completed');
    return { sosId, delayed, failed, completed };
  }

  /** The board's clean spares jobs finished in the last 5 s; these test jobs finished "a minute ago". */
  async function finishedAMinuteAgo(q: Queue, job: Job, set: 'failed' | 'completed'): Promise<void> {
    const at = Date.now() - 60_000;
    await q.client.zadd(q.toKey(set), at, String(job.id));
    await q.client.hset(q.toKey(String(job.id)), 'timestamp', at, 'processedOn', at, 'finishedOn', at);
  }

  /** Every write route Bull Board has, with its parameters filled in, plus spellings that Express matches all the same. */
  function writeRequests(jobId: string): { method: 'put' | 'post' | 'patch' | 'delete'; url: string }[] {
    const fill = (route: string) =>
      route
        .replace(':queueName', QUEUE.DISPATCH)
        .replace(':jobId', encodeURIComponent(jobId))
        .replace(':queueStatus', 'failed')
        .replace(':schedulerId', 'x');
    const fromBoard = appRoutes.api
      .filter((r) => r.method !== 'get')
      .flatMap((r) => [r.route].flat().map((route) => ({ method: r.method as 'put' | 'post' | 'patch', url: `${BOARD}${fill(route)}` })));
    return [
      ...fromBoard,
      { method: 'put', url: `${BOARD}/API/QUEUES/${QUEUE.DISPATCH}/PAUSE` },
      { method: 'put', url: `${BOARD}/api/queues/${QUEUE.DISPATCH}/pause/` },
      { method: 'put', url: `${BOARD}//api/queues/${QUEUE.DISPATCH}/pause` },
      { method: 'put', url: `${BOARD}/api/queues/%64ispatch/pause` },
      { method: 'post', url: `${BOARD}/api/queues/${QUEUE.DISPATCH}/pause` },
      { method: 'delete', url: `${BOARD}/api/queues/${QUEUE.DISPATCH}/${encodeURIComponent(jobId)}` },
    ];
  }

  it('shows a region operator a read-only board: no job data, result, failure text or record ids in any JSON answer', async () => {
    const { cookie } = await operatorCookie('只读运营');
    const { sosId, delayed, failed, completed } = await sosJobs();

    const page = await t.http.get(`${BOARD}/`).set('cookie', cookie).expect(200);
    expect(page.text).toContain('CareCircle 队列（只读）');

    const answers: string[] = [];
    for (const status of ['latest', 'delayed', 'failed', 'completed']) {
      const res = await t.http.get(`${BOARD}/api/queues`).query({ activeQueue: QUEUE.DISPATCH, status, page: 1, jobsPerPage: 50 }).set('cookie', cookie).expect(200);
      answers.push(res.text);
      for (const q of res.body.queues as { name: string; readOnlyMode: boolean; allowRetries: boolean; jobs: Record<string, unknown>[] }[]) {
        expect(q).toMatchObject({ readOnlyMode: true, allowRetries: false });
        for (const job of q.jobs) {
          expect(job.data).toBeNull();
          expect(job.returnValue).toBeNull();
          expect(job.stacktrace).toEqual([]);
        }
      }
    }
    const dispatch = (JSON.parse(answers[0]).queues as { name: string; jobs: { id: string; isFailed: boolean; failedReason?: string }[] }[]).find((q) => q.name === QUEUE.DISPATCH)!;
    expect(dispatch.jobs).toHaveLength(3);
    expect(dispatch.jobs.every((j) => /^sos-(failed-|done-)?~[0-9a-f]{8}$/.test(j.id))).toBe(true);
    expect(dispatch.jobs.find((j) => j.isFailed)!.failedReason).toContain('只读视图不显示失败原因');

    for (const job of [delayed, failed, completed]) {
      const res = await t.http.get(`${BOARD}/api/queues/${QUEUE.DISPATCH}/${encodeURIComponent(String(job.id))}`).set('cookie', cookie).expect(200);
      expect(res.body.job).toMatchObject({ data: null, returnValue: null, stacktrace: [] });
      answers.push(res.text);
    }
    for (const route of ['/api/redis/stats', '/api/job-schedulers', `/api/queues/${QUEUE.DISPATCH}/workers`]) {
      answers.push((await t.http.get(`${BOARD}${route}`).set('cookie', cookie).expect(200)).text);
    }
    for (const answer of answers) {
      expect(answer).not.toContain(sosId);
      expect(answer).not.toContain('notified');
      expect(answer).not.toContain('could not be broadcast');
    }
    // Logs and flows are the board's other ways into a job: closed to the read-only view.
    await t.http.get(`${BOARD}/api/queues/${QUEUE.DISPATCH}/${encodeURIComponent(String(failed.id))}/logs`).set('cookie', cookie).expect(403);
    await t.http.get(`${BOARD}/api/queues/${QUEUE.DISPATCH}/${encodeURIComponent(String(failed.id))}/flow`).set('cookie', cookie).expect(403);
  });

  it('refuses a region operator every write route of the board, by any spelling, and changes nothing', async () => {
    const { cookie } = await operatorCookie('只读运营乙');
    const { failed } = await sosJobs();
    const q = queue(QUEUE.DISPATCH);
    const countsBefore = await q.getJobCounts();
    const auditBefore = await auditRows();

    const requests = writeRequests(String(failed.id));
    expect(requests.length).toBeGreaterThan(25);
    for (const { method, url } of requests) {
      const res = await t.http[method](url).set('cookie', cookie).send({ name: 'x', data: { sosId: 'forged' }, options: {}, confirmQueueName: QUEUE.DISPATCH });
      expect({ method, url, status: res.status }).toEqual({ method, url, status: 403 });
      expect(res.body.error).toBe('QUEUE_BOARD.READ_ONLY');
    }
    expect(await q.isPaused()).toBe(false);
    expect(await q.getJobCounts()).toEqual(countsBefore);
    expect(await failed.getState()).toBe('failed');
    expect(await auditRows()).toEqual(auditBefore);
  });

  it('lets a platform admin pause, resume, retry and clean, and audits each write with who, what and which queue or job', async () => {
    const admin = await f.login('平台管理员测试');
    await t.dataSource.query(`UPDATE users SET roles = '["platform_admin"]' WHERE id = ?`, [admin.tokens.user.id]);
    // The admin has no region: region data stays closed.
    await t.http.get('/api/operator/escalations').set(admin.auth).expect(403);
    const session = await t.http.post(`${BOARD}/session`).set(admin.auth).expect(200);
    const cookie = ([] as string[]).concat(session.headers['set-cookie'] ?? []).find((c) => c.startsWith('cc_queue_board='))!.split(';')[0];
    const userId = admin.tokens.user.id;
    const q = queue(QUEUE.DISPATCH);
    const { sosId, failed, completed } = await sosJobs();

    const page = await t.http.get(`${BOARD}/`).set('cookie', cookie).expect(200);
    expect(page.text).toContain('CareCircle 队列（平台管理员）');
    const full = await t.http.get(`${BOARD}/api/queues/${QUEUE.DISPATCH}/${encodeURIComponent(String(failed.id))}`).set('cookie', cookie).expect(200);
    expect(full.body.job.data).toEqual({ sosId, note: `failed-${sosId}` });
    expect(full.body.job.failedReason).toContain(sosId);

    const auditBefore = (await auditRows()).length;
    await t.http.put(`${BOARD}/api/queues/${QUEUE.DISPATCH}/pause`).set('cookie', cookie).expect(200);
    expect(await q.isPaused()).toBe(true);
    await t.http.put(`${BOARD}/api/queues/${QUEUE.DISPATCH}/resume`).set('cookie', cookie).expect(200);
    expect(await q.isPaused()).toBe(false);
    await t.http.put(`${BOARD}/api/queues/${QUEUE.DISPATCH}/${encodeURIComponent(String(failed.id))}/retry`).set('cookie', cookie).expect(204);
    expect(await failed.getState()).toBe('waiting');
    await t.http.put(`${BOARD}/api/queues/${QUEUE.DISPATCH}/${encodeURIComponent(String(completed.id))}/clean`).set('cookie', cookie).expect(204);
    expect(await q.getJob(String(completed.id))).toBeNull();

    // The dispatch queue's wait list now holds the retried job: the queue-wide writes go to another queue.
    const again = await sosJobs(QUEUE.NOTIFY);
    await t.http.put(`${BOARD}/api/queues/${QUEUE.NOTIFY}/retry/failed`).set('cookie', cookie).expect(200);
    expect(await again.failed.getState()).toBe('waiting');
    await t.http.put(`${BOARD}/api/queues/${QUEUE.NOTIFY}/clean/completed`).set('cookie', cookie).expect(200);
    expect(await queue(QUEUE.NOTIFY).getJob(String(again.completed.id))).toBeNull();

    expect((await auditRows()).slice(auditBefore)).toEqual([
      { user_id: userId, action: 'queue_pause', entity: 'queue', entity_id: QUEUE.DISPATCH },
      { user_id: userId, action: 'queue_resume', entity: 'queue', entity_id: QUEUE.DISPATCH },
      { user_id: userId, action: 'queue_job_retry', entity: 'queue_job', entity_id: `${QUEUE.DISPATCH}/${failed.id}` },
      { user_id: userId, action: 'queue_job_remove', entity: 'queue_job', entity_id: `${QUEUE.DISPATCH}/${completed.id}` },
      { user_id: userId, action: 'queue_retry_failed', entity: 'queue', entity_id: QUEUE.NOTIFY },
      { user_id: userId, action: 'queue_clean_completed', entity: 'queue', entity_id: QUEUE.NOTIFY },
    ]);

    // Writes CareCircle does not open (hand-made jobs, edited payloads, obliterating a queue) are refused, unaudited.
    const notify = queue(QUEUE.NOTIFY);
    const countsBefore = await notify.getJobCounts();
    await t.http.post(`${BOARD}/api/queues/${QUEUE.NOTIFY}/add`).set('cookie', cookie).send({ name: JOB.SOS_BROADCAST, data: { sosId: 'forged' }, options: {} }).expect(403);
    await t.http.patch(`${BOARD}/api/queues/${QUEUE.NOTIFY}/${encodeURIComponent(String(again.delayed.id))}/update-data`).set('cookie', cookie).send({ data: { sosId: 'forged' } }).expect(403);
    await t.http.put(`${BOARD}/api/queues/${QUEUE.NOTIFY}/obliterate`).set('cookie', cookie).send({ confirmQueueName: QUEUE.NOTIFY }).expect(403);
    expect(await notify.getJobCounts()).toEqual(countsBefore);
    expect((await notify.getJob(String(again.delayed.id)))!.data).toEqual({ sosId: again.sosId });
    // A failed write (a job that is not there) is not audited either.
    await t.http.put(`${BOARD}/api/queues/${QUEUE.DISPATCH}/no-such-job/retry`).set('cookie', cookie).expect(404);
    expect(await auditRows()).toHaveLength(auditBefore + 6);

    // The role taken away, the same cookie opens nothing.
    await t.dataSource.query(`UPDATE users SET roles = '["family"]' WHERE id = ?`, [userId]);
    await t.http.put(`${BOARD}/api/queues/${QUEUE.DISPATCH}/pause`).set('cookie', cookie).expect(401);
    expect(await q.isPaused()).toBe(false);
  });

  it('gives an operator who is also a platform admin the full board', async () => {
    const { cookie } = await operatorCookie('运营兼平台', '["operator","platform_admin"]');
    const res = await t.http.get(`${BOARD}/api/queues`).set('cookie', cookie).expect(200);
    expect((res.body.queues as { readOnlyMode: boolean }[]).every((q) => !q.readOnlyMode)).toBe(true);
  });

  it('refuses a family user: no session, and a validly signed board cookie opens neither the page nor the API', async () => {
    const family = await f.login('家属看队列');
    await t.http.post(`${BOARD}/session`).set(family.auth).expect(403);
    const token = await t.app.get(JwtService).signAsync({ sub: family.tokens.user.id, typ: 'queue_board' }, { expiresIn: 60 });
    const cookie = `cc_queue_board=${token}`;
    expect((await t.http.get(`${BOARD}/`).set('cookie', cookie).expect(401)).text).toContain('没有查看队列的权限');
    await t.http.get(`${BOARD}/api/queues`).set('cookie', cookie).expect(401);
    await t.http.put(`${BOARD}/api/queues/${QUEUE.DISPATCH}/pause`).set('cookie', cookie).expect(401);
    expect(await queue(QUEUE.DISPATCH).isPaused()).toBe(false);
  });
});
