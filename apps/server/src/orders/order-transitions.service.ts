import { canTransition, ErrorCode, ORDER_STATUS_LABELS, ORDER_TRANSITIONS, OutboxEvent, type OrderActor, type OrderStatus } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { insertRows } from '../common/typeorm.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { OrderEventEntity } from './entities/order-event.entity.js';
import { OrderEntity } from './entities/order.entity.js';

/**
 * The one place an order changes state: checks the shared state machine, changes the row only
 * if it is still in the state the caller saw, records the timeline step and the outbox event.
 */
@Injectable()
export class OrderTransitions {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async move(
    manager: EntityManager,
    order: OrderEntity,
    to: OrderStatus,
    actor: OrderActor,
    actorId: string | null,
    note: string | null = null,
    changes: Partial<OrderEntity> = {},
  ): Promise<OrderEntity> {
    if (!canTransition(order.status, to, actor)) {
      const action = ORDER_TRANSITIONS.find((t) => t.to === to && t.by.includes(actor) && t.action)?.action ?? ORDER_STATUS_LABELS[to];
      throw new DomainError(ErrorCode.ORDER_INVALID_TRANSITION, `订单当前为「${ORDER_STATUS_LABELS[order.status]}」，不能${action}`, { from: order.status, to });
    }
    const result = await manager.getRepository(OrderEntity).update({ id: order.id, status: order.status }, { ...changes, status: to });
    if (result.affected !== 1) {
      throw new DomainError(ErrorCode.ORDER_INVALID_TRANSITION, '订单状态刚刚发生了变化，请刷新后再试', { from: order.status, to });
    }
    await insertRows(manager, OrderEventEntity, { orderId: order.id, status: to, actor, actorId, note, createdAt: this.clock.now() });
    await this.outbox.add(manager, OutboxEvent.ORDER_STATUS_CHANGED, order.id, {
      orderId: order.id,
      householdId: order.householdId,
      status: to,
      staffId: changes.staffId ?? order.staffId,
      actor,
    });
    return Object.assign(new OrderEntity(), order, changes, { status: to });
  }
}
