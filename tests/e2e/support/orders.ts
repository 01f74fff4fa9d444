import type { DispatchRoundView, ElderView, HouseholdSummaryView, HouseholdView, OrderStatus, OrderView, StaffMeView } from '@carecircle/shared';
import { api, apiLogin } from './app.js';

// The H5 routes of the home-care and meal pages.
export const SERVICES = '/subpackages/orders/pages/services/index';
export const ORDER_FORM = '/subpackages/orders/pages/form/index';
export const ORDER_DETAIL = '/subpackages/orders/pages/detail/index';
export const CANTEENS = '/subpackages/meals/pages/canteens/index';
export const MENU = '/subpackages/meals/pages/menu/index';
export const CHECKOUT = '/subpackages/meals/pages/checkout/index';
export const BOOKING = '/subpackages/meals/pages/booking/index';
export const BOOKINGS = '/subpackages/meals/pages/bookings/index';
export const MINE = '/pages/mine/index';

/** Fails with `what` and the last value seen when `check` has not answered truthy within `timeoutMs`. */
export async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function ok<T>(what: string, res: { status: number; body: unknown }, status = 200): T {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** 王芳's elder by name, through the API (her household 王家). */
export async function elderByName(baseUrl: string, familyToken: string, name: string): Promise<ElderView> {
  const households = ok<HouseholdSummaryView[]>('GET /households', await api(baseUrl, familyToken, 'GET', '/households'));
  for (const h of households) {
    const household = ok<HouseholdView>(`GET /households/${h.id}`, await api(baseUrl, familyToken, 'GET', `/households/${h.id}`));
    const found = household.elders.find((e) => e.name === name);
    if (found) return ok<ElderView>(`GET /elders/${found.id}`, await api(baseUrl, familyToken, 'GET', `/elders/${found.id}`));
  }
  throw new Error(`no elder named ${name} in the households of this login`);
}

/**
 * Everyone behind an order besides the family, through the API as the apps call it: the elder
 * (王建国, who has his own login and confirms proxy orders), the staff member 周护理 and the
 * operator 吴主任.
 */
export class Backstage {
  private constructor(
    readonly baseUrl: string,
    readonly familyToken: string,
    readonly elderToken: string,
    readonly staffToken: string,
    readonly operatorToken: string,
    readonly staff: StaffMeView,
  ) {}

  static async open(baseUrl: string, familyToken: string): Promise<Backstage> {
    const [elderToken, staffToken, operatorToken] = await Promise.all([apiLogin(baseUrl, '王建国'), apiLogin(baseUrl, '周护理'), apiLogin(baseUrl, '吴主任')]);
    // 周护理 goes on duty, as the workbench's 上班 switch does.
    const staff = ok<StaffMeView>('PUT /staff/me/duty', await api(baseUrl, staffToken, 'PUT', '/staff/me/duty', { onDuty: true }));
    if (!staff.onDuty) throw new Error(`周护理 is not on duty after PUT /staff/me/duty: ${JSON.stringify(staff)}`);
    const me = ok<StaffMeView>('GET /staff/me', await api(baseUrl, staffToken, 'GET', '/staff/me'));
    return new Backstage(baseUrl, familyToken, elderToken, staffToken, operatorToken, me);
  }

  async order(orderId: string): Promise<OrderView> {
    return ok<OrderView>(`GET /orders/${orderId}`, await api(this.baseUrl, this.familyToken, 'GET', `/orders/${orderId}`));
  }

  async waitForStatus(orderId: string, statuses: OrderStatus[], timeoutMs = 15_000): Promise<OrderView> {
    let last: OrderStatus | undefined;
    try {
      return await until(`order ${orderId} to reach ${statuses.join('/')}`, async () => {
        const order = await this.order(orderId);
        last = order.status;
        return statuses.includes(order.status) ? order : null;
      }, timeoutMs);
    } catch (err) {
      throw new Error(`${(err as Error).message} (last status: ${last})`);
    }
  }

  /** 王建国 answers 确认 on his own device (a proxy order waits for him first). */
  async confirmByElder(orderId: string): Promise<OrderView> {
    return ok<OrderView>('POST elder-decision', await api(this.baseUrl, this.elderToken, 'POST', `/orders/${orderId}/elder-decision`, { decision: 'confirm', device: 'e2e' }));
  }

  /**
   * Once dispatch has made its first move (an offer to the best-ranked staff member nearby, or
   * the escalation to the operator), 吴主任 assigns the order to 周护理, whoever was offered it.
   * Returns the dispatch rounds as they were before the assignment.
   */
  async assignToStaff(orderId: string): Promise<{ rounds: DispatchRoundView[]; statusBefore: OrderStatus }> {
    const before = await this.waitForStatus(orderId, ['offered', 'escalated']);
    const rounds = ok<DispatchRoundView[]>('GET dispatch-rounds', await api(this.baseUrl, this.operatorToken, 'GET', `/orders/${orderId}/dispatch-rounds`));
    ok('POST assign', await api(this.baseUrl, this.operatorToken, 'POST', `/orders/${orderId}/assign`, { staffId: this.staff.id }), 204);
    return { rounds, statusBefore: before.status };
  }

  async depart(orderId: string): Promise<OrderView> {
    return ok<OrderView>('POST depart', await api(this.baseUrl, this.staffToken, 'POST', `/orders/${orderId}/depart`));
  }

  /** Checks in standing at the elder's door (the position the family's record of the elder holds). */
  async checkInAtElder(orderId: string, elderId: string): Promise<OrderView> {
    const elder = ok<ElderView>(`GET /elders/${elderId}`, await api(this.baseUrl, this.familyToken, 'GET', `/elders/${elderId}`));
    return ok<OrderView>('POST check-in', await api(this.baseUrl, this.staffToken, 'POST', `/orders/${orderId}/check-in`, { location: elder.location }));
  }

  /** The run checks out minutes after checking in, far short of the booked hour: the staff member gives the reason the server asks for. */
  async checkOut(orderId: string, tasks = ['清扫拖地', '擦拭家具'], notes = '厨房油烟机较脏，建议下次预约深度清洁', shortReason = '老人要午休，约定提前结束，下次补足'): Promise<OrderView> {
    return ok<OrderView>('POST check-out', await api(this.baseUrl, this.staffToken, 'POST', `/orders/${orderId}/check-out`, { tasks, notes, shortReason }));
  }
}
