import { Role, type OrderStreamMessage } from '@carecircle/shared';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { concat, from, map, Observable } from 'rxjs';
import { CurrentUser, Public, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ConsentService } from '../auth/consent.service.js';
import { ParseOptionalUuidPipe, ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { CancelOrderDto, CheckInDto, CheckOutDto, CreateOrderDto, ElderDecisionDto, OrderResponse, RateOrderDto, StreamTicketResponse } from './dto/order.dto.js';
import { OrderLive } from './order-live.service.js';
import { OrdersService } from './orders.service.js';
import { StreamTickets } from './stream-tickets.service.js';

@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly live: OrderLive,
    private readonly tickets: StreamTickets,
    private readonly consents: ConsentService,
  ) {}

  @Post('orders')
  @ApiOperation({ summary: '为老人下单（需 Idempotency-Key：同一 Key 重复提交返回同一订单）' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '客户端为每笔新订单生成的唯一值（8–64 位）' })
  @ApiCreatedResponse({ type: OrderResponse, description: '新订单（201）；重复提交时返回原订单（200）' })
  async create(
    @CurrentUser() user: Principal,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateOrderDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrderResponse> {
    await this.consents.requireForNewOrder(user.userId);
    const { order, replayed } = await this.orders.create(user, key, dto);
    res.status(replayed ? 200 : 201);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return order;
  }

  @Get('orders')
  @ApiOperation({ summary: '我家的订单（最近 50 笔）' })
  @ApiQuery({ name: 'elderId', required: false })
  @ApiOkResponse({ type: [OrderResponse] })
  list(@CurrentUser() user: Principal, @Query('elderId', ParseOptionalUuidPipe) elderId?: string): Promise<OrderResponse[]> {
    return this.orders.listMine(user, elderId);
  }

  @Get('orders/:orderId')
  @ApiOperation({ summary: '订单详情：状态时间线、服务人员、价格明细' })
  @ApiOkResponse({ type: OrderResponse })
  get(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string): Promise<OrderResponse> {
    return this.orders.get(user, orderId);
  }

  @Post('orders/:orderId/stream-ticket')
  @ApiOperation({ summary: '换取订单实时推送的一次性凭证（60 秒内有效，仅限本人、本订单、使用一次）' })
  @ApiCreatedResponse({ type: StreamTicketResponse })
  async streamTicket(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string): Promise<StreamTicketResponse> {
    await this.orders.get(user, orderId);
    return this.tickets.issue(user.userId, orderId);
  }

  /** Public to the guard: EventSource sends no Authorization header, so the one-time ticket is the login. */
  @Public()
  @Sse('orders/:orderId/stream')
  @ApiOperation({ summary: '订单状态实时推送（SSE；?ticket= 为 stream-ticket 换取的一次性凭证）' })
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'ticket', required: true })
  @ApiOkResponse({ description: 'data: {orderId, status, at}' })
  async stream(@Param('orderId', ParseUuidPipe) orderId: string, @Query('ticket') ticket: string | undefined): Promise<Observable<MessageEvent>> {
    const user = await this.tickets.redeem(typeof ticket === 'string' ? ticket : undefined, orderId);
    const current = await this.orders.get(user, orderId);
    const first: OrderStreamMessage = { orderId, status: current.status, at: new Date().toISOString() };
    return concat(from([first]), this.live.stream(orderId)).pipe(map((data) => ({ data, type: 'status' })));
  }

  @Post('orders/:orderId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: '取消订单（接单前免费；接单后按机构规定）' })
  @ApiOkResponse({ type: OrderResponse })
  cancel(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string, @Body() dto: CancelOrderDto): Promise<OrderResponse> {
    return this.orders.cancel(user, orderId, dto);
  }

  @Post('orders/:orderId/elder-decision')
  @HttpCode(200)
  @ApiTags('elder')
  @ApiOperation({ summary: '老人确认或拒绝家人代下的订单（记入同意记录）' })
  @ApiOkResponse({ type: OrderResponse })
  elderDecision(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string, @Body() dto: ElderDecisionDto): Promise<OrderResponse> {
    return this.orders.elderDecision(user, orderId, dto.decision, dto.device);
  }

  @Post('orders/:orderId/rating')
  @HttpCode(200)
  @ApiOperation({ summary: '服务完成后评价' })
  @ApiOkResponse({ type: OrderResponse })
  rate(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string, @Body() dto: RateOrderDto): Promise<OrderResponse> {
    return this.orders.rate(user, orderId, dto);
  }

  @Post('orders/:orderId/depart')
  @HttpCode(200)
  @ApiTags('staff')
  @ApiOperation({ summary: '服务人员出发' })
  @ApiOkResponse({ type: OrderResponse })
  depart(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string): Promise<OrderResponse> {
    return this.orders.depart(user, orderId);
  }

  @Post('orders/:orderId/check-in')
  @HttpCode(200)
  @ApiTags('staff')
  @ApiOperation({ summary: '到达签到（须在服务地址附近，超范围需填写原因）' })
  @ApiOkResponse({ type: OrderResponse })
  checkIn(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string, @Body() dto: CheckInDto): Promise<OrderResponse> {
    return this.orders.checkIn(user, orderId, dto);
  }

  @Post('orders/:orderId/check-out')
  @HttpCode(200)
  @ApiTags('staff')
  @ApiOperation({ summary: '完成签退并填写服务记录' })
  @ApiOkResponse({ type: OrderResponse })
  checkOut(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string, @Body() dto: CheckOutDto): Promise<OrderResponse> {
    return this.orders.checkOut(user, orderId, dto);
  }

  @Get('operator/escalations')
  @Roles(Role.OPERATOR)
  @ApiTags('operator')
  @ApiOperation({ summary: '待人工派单的订单（街道运营）' })
  @ApiOkResponse({ type: [OrderResponse] })
  escalations(@CurrentUser() user: Principal): Promise<OrderResponse[]> {
    return this.orders.escalated(user);
  }
}
