import type { AuthTokensView, ElderView, HouseholdView } from '@carecircle/shared';
import type { TestApp } from './test-app.js';

/** A checksum-valid resident ID number for a person born on `birth` (YYYY-MM-DD). */
export function idNumber(birth: string, seq = 1, male = true): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const order = String((seq % 500) * 2 + (male ? 1 : 0)).padStart(3, '0');
  const body = `320583${birth.replace(/-/g, '')}${order}`;
  const sum = body.split('').reduce((acc, ch, i) => acc + Number(ch) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

let counter = 0;

export class Factories {
  constructor(private readonly t: TestApp) {}

  async login(name = `user${++counter}`): Promise<{ token: string; tokens: AuthTokensView; auth: { Authorization: string } }> {
    const res = await this.t.http.post('/api/auth/wechat').send({ code: `dev:${name}` }).expect(200);
    const tokens = res.body as AuthTokensView;
    return { token: tokens.accessToken, tokens, auth: { Authorization: `Bearer ${tokens.accessToken}` } };
  }

  async household(auth: { Authorization: string }, name = '测试家'): Promise<HouseholdView> {
    const res = await this.t.http.post('/api/households').set(auth).send({ name }).expect(201);
    return res.body as HouseholdView;
  }

  elderInput(overrides: Record<string, unknown> = {}) {
    counter++;
    return {
      name: '王建国',
      idNumber: idNumber('1948-05-12', counter),
      phone: '13912345678',
      address: '昆山市玉山镇人民路 188 号 3 幢 201 室',
      location: { lat: 31.3852, lng: 120.9812 },
      emergencyContacts: [{ name: '王芳', phone: '13800138000', relation: '女儿' }],
      healthNotes: '高血压，每日服药',
      dietaryNeeds: ['low_salt'],
      livingSituation: 'alone',
      subsidyCategory: 'dibao',
      ...overrides,
    };
  }

  async elder(auth: { Authorization: string }, householdId: string, overrides: Record<string, unknown> = {}): Promise<ElderView> {
    const res = await this.t.http.post(`/api/households/${householdId}/elders`).set(auth).send(this.elderInput(overrides));
    if (res.status !== 201) throw new Error(`elder not created: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as ElderView;
  }
}
