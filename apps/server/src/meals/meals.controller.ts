import { Role } from '@carecircle/shared';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { CanteenDayResponse, CanteenResponse, MealBookingResponse, MealFiguresResponse, MealQuoteResponse, MealSlotResponse } from './dto/meal-response.dto.js';
import { CancelMealDto, CanteenQueryDto, CanteenSettingsDto, CreateMealBookingDto, DayQueryDto, MonthQueryDto, PickupDto, PublishMenuDto, SlotQueryDto } from './dto/meal.dto.js';
import { MealsService } from './meals.service.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import { RegionsService } from '../regions/regions.service.js';

@ApiTags('meals')
@ApiBearerAuth()
@Controller()
export class MealsController {
  constructor(
    private readonly meals: MealsService,
    private readonly scope: OperatorScope,
    private readonly regions: RegionsService,
  ) {}

  @Get('canteens')
  @ApiOperation({ summary: '助餐点，离老人最近的在前' })
  @ApiOkResponse({ type: [CanteenResponse] })
  canteens(@CurrentUser() user: Principal, @Query() q: CanteenQueryDto): Promise<CanteenResponse[]> {
    return this.meals.canteens(user, q.elderId);
  }

  @Get('canteens/:canteenId/slots')
  @ApiOperation({ summary: '一周菜单：各餐次剩余名额、菜品、饮食冲突' })
  @ApiOkResponse({ type: [MealSlotResponse] })
  slots(@CurrentUser() user: Principal, @Param('canteenId', ParseUuidPipe) canteenId: string, @Query() q: SlotQueryDto): Promise<MealSlotResponse[]> {
    return this.meals.slots(user, canteenId, q.from, q.elderId);
  }

  @Post('meal-bookings')
  @ApiOperation({ summary: '订餐（需 Idempotency-Key；名额不超卖）' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: MealBookingResponse })
  async book(@CurrentUser() user: Principal, @Headers('idempotency-key') key: string | undefined, @Body() dto: CreateMealBookingDto, @Res({ passthrough: true }) res: Response): Promise<MealBookingResponse> {
    const { booking, replayed } = await this.meals.book(user, key, dto);
    res.status(replayed ? 200 : 201);
    return booking;
  }

  @Post('meal-bookings/quote')
  @HttpCode(200)
  @ApiOperation({ summary: '订餐报价：餐费、送餐费、政府补贴、实付，以及饮食冲突（不下单）' })
  @ApiOkResponse({ type: MealQuoteResponse })
  quote(@CurrentUser() user: Principal, @Body() dto: CreateMealBookingDto): Promise<MealQuoteResponse> {
    return this.meals.quote(user, dto);
  }

  @Get('meal-bookings')
  @ApiOperation({ summary: '我家的订餐' })
  @ApiOkResponse({ type: [MealBookingResponse] })
  mine(@CurrentUser() user: Principal, @Query() q: CanteenQueryDto): Promise<MealBookingResponse[]> {
    return this.meals.listMine(user, q.elderId);
  }

  @Get('meal-bookings/:bookingId')
  @ApiOperation({ summary: '订餐详情（取餐码）' })
  @ApiOkResponse({ type: MealBookingResponse })
  get(@CurrentUser() user: Principal, @Param('bookingId', ParseUuidPipe) bookingId: string): Promise<MealBookingResponse> {
    return this.meals.get(user, bookingId);
  }

  @Post('meal-bookings/:bookingId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: '截止前取消订餐（名额退回）' })
  @ApiOkResponse({ type: MealBookingResponse })
  cancel(@CurrentUser() user: Principal, @Param('bookingId', ParseUuidPipe) bookingId: string, @Body() dto: CancelMealDto): Promise<MealBookingResponse> {
    return this.meals.cancel(user, bookingId, dto.reason);
  }

  @Put('canteens/:canteenId/settings')
  @ApiTags('canteen')
  @ApiOperation({ summary: '食堂设置：营业日、餐次时间、截止时间、各方式名额、送餐范围' })
  @ApiOkResponse({ type: CanteenResponse })
  configure(@CurrentUser() user: Principal, @Param('canteenId', ParseUuidPipe) canteenId: string, @Body() dto: CanteenSettingsDto): Promise<CanteenResponse> {
    return this.meals.configure(user, canteenId, dto);
  }

  @Post('canteens/:canteenId/menus')
  @ApiTags('canteen')
  @ApiOperation({ summary: '发布某天某餐的菜单' })
  @ApiCreatedResponse({ type: MealSlotResponse })
  publish(@CurrentUser() user: Principal, @Param('canteenId', ParseUuidPipe) canteenId: string, @Body() dto: PublishMenuDto): Promise<MealSlotResponse> {
    return this.meals.publishMenu(user, canteenId, dto);
  }

  @Post('canteens/:canteenId/slots/:slotId/cancel')
  @HttpCode(200)
  @ApiTags('canteen')
  @ApiOperation({ summary: '食堂取消一餐：全部订餐取消并全额退款，通知家属' })
  @ApiOkResponse({ type: MealSlotResponse })
  cancelSlot(@CurrentUser() user: Principal, @Param('canteenId', ParseUuidPipe) canteenId: string, @Param('slotId', ParseUuidPipe) slotId: string, @Body() dto: CancelMealDto): Promise<MealSlotResponse> {
    return this.meals.cancelSlot(user, canteenId, slotId, dto.reason);
  }

  @Get('canteens/:canteenId/day')
  @ApiTags('canteen')
  @ApiOperation({ summary: '食堂今日：各菜份数、堂食/自取/送餐名单' })
  @ApiOkResponse({ type: CanteenDayResponse })
  day(@CurrentUser() user: Principal, @Param('canteenId', ParseUuidPipe) canteenId: string, @Query() q: DayQueryDto): Promise<CanteenDayResponse> {
    return this.meals.canteenDay(user, canteenId, q.date);
  }

  @Post('canteens/:canteenId/slots/:slotId/pickups')
  @HttpCode(200)
  @ApiTags('canteen')
  @ApiOperation({ summary: '凭取餐码取餐' })
  @ApiOkResponse({ type: MealBookingResponse })
  pickup(@CurrentUser() user: Principal, @Param('canteenId', ParseUuidPipe) canteenId: string, @Param('slotId', ParseUuidPipe) slotId: string, @Body() dto: PickupDto): Promise<MealBookingResponse> {
    return this.meals.fulfil(user, canteenId, { slotId, code: dto.code });
  }

  @Post('canteens/:canteenId/bookings/:bookingId/served')
  @HttpCode(200)
  @ApiTags('canteen')
  @ApiOperation({ summary: '堂食已用餐 / 自取已取（按名单勾选）' })
  @ApiOkResponse({ type: MealBookingResponse })
  served(@CurrentUser() user: Principal, @Param('canteenId', ParseUuidPipe) canteenId: string, @Param('bookingId', ParseUuidPipe) bookingId: string): Promise<MealBookingResponse> {
    return this.meals.fulfil(user, canteenId, { bookingId });
  }

  @Get('kpi/meals')
  @Roles(Role.OPERATOR)
  @ApiTags('operator')
  @ApiOperation({ summary: '助餐指标：各食堂各餐次供餐数、名额使用率、本月补贴（街道运营）' })
  @ApiOkResponse({ type: MealFiguresResponse })
  async figures(@CurrentUser() user: Principal, @Query() q: MonthQueryDto): Promise<MealFiguresResponse> {
    const mine = await this.scope.regionIds(user.userId);
    if (q.regionId) {
      await this.scope.requireRegion(user.userId, q.regionId);
      const within = await this.regions.subtreeIds([q.regionId]);
      return this.meals.figures(q.month, within);
    }
    return this.meals.figures(q.month, mine);
  }
}
