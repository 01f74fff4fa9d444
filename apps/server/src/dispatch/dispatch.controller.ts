import { Role } from '@carecircle/shared';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { AssignOrderDto, DispatchRoundResponse, JobResponse, OfferResponse } from './dto/dispatch.dto.js';
import { OffersService } from './offers.service.js';

@ApiTags('staff')
@ApiBearerAuth()
@Controller()
export class DispatchController {
  constructor(private readonly offers: OffersService) {}

  @Get('staff/me/offers')
  @ApiOperation({ summary: '待我响应的派单（含倒计时截止时间）' })
  @ApiOkResponse({ type: [OfferResponse] })
  myOffers(@CurrentUser() user: Principal): Promise<OfferResponse[]> {
    return this.offers.myOffers(user);
  }

  @Get('staff/me/jobs')
  @ApiOperation({ summary: '我的服务任务' })
  @ApiOkResponse({ type: [JobResponse] })
  myJobs(@CurrentUser() user: Principal): Promise<JobResponse[]> {
    return this.offers.myJobs(user);
  }

  @Post('offers/:offerId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '接单（只有一人能接到）' })
  @ApiOkResponse({ type: JobResponse })
  accept(@CurrentUser() user: Principal, @Param('offerId', ParseUuidPipe) offerId: string): Promise<JobResponse> {
    return this.offers.accept(user, offerId);
  }

  @Post('offers/:offerId/decline')
  @HttpCode(204)
  @ApiOperation({ summary: '拒单，订单转给下一位' })
  @ApiNoContentResponse()
  decline(@CurrentUser() user: Principal, @Param('offerId', ParseUuidPipe) offerId: string): Promise<void> {
    return this.offers.decline(user, offerId);
  }

  @Post('orders/:orderId/assign')
  @Roles(Role.OPERATOR)
  @HttpCode(204)
  @ApiTags('operator')
  @ApiOperation({ summary: '人工指派（街道运营）' })
  @ApiNoContentResponse()
  assign(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string, @Body() dto: AssignOrderDto): Promise<void> {
    return this.offers.assign(user, orderId, dto.staffId);
  }

  @Post('orders/:orderId/redispatch')
  @Roles(Role.OPERATOR)
  @HttpCode(204)
  @ApiTags('operator')
  @ApiOperation({ summary: '重新自动派单（街道运营）' })
  @ApiNoContentResponse()
  redispatch(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string): Promise<void> {
    return this.offers.redispatch(user, orderId);
  }

  @Get('orders/:orderId/dispatch-rounds')
  @Roles(Role.OPERATOR)
  @ApiTags('operator')
  @ApiOperation({ summary: '派单过程：每轮候选人、得分与跳过原因（街道运营）' })
  @ApiOkResponse({ type: [DispatchRoundResponse] })
  rounds(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string): Promise<DispatchRoundResponse[]> {
    return this.offers.rounds(user, orderId);
  }
}
