import { Module } from '@nestjs/common';
import { OrderLive } from './order-live.service.js';
import { OrderTransitions } from './order-transitions.service.js';

/** What both orders and dispatch move orders with: the state machine's guard and the live channel. */
@Module({ providers: [OrderTransitions, OrderLive], exports: [OrderTransitions, OrderLive] })
export class OrderCoreModule {}
