import { Role, shanghaiMonth } from '@carecircle/shared';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { MeResponse } from '../auth/dto/auth.dto.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { RateLimit } from '../common/redis/rate-limit.guard.js';
import { ParseOptionalUuidPipe, ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { AssessmentsService } from './assessments.service.js';
import { AssessmentDto, ClaimElderLoginDto, ConfirmationSettingsDto, RaiseSosDto, VisitMonthQueryDto } from './dto/care.dto.js';
import { ElderAccountService } from './elder-account.service.js';
import { ElderHomeService } from './elder-home.service.js';
import { SosService } from './sos.service.js';
import { VisitsService } from './visits.service.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ErrorCode } from '@carecircle/shared';

class LoginCodeResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

class ObjectResponse {
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: unknown;
}

@ApiTags('elder')
@ApiBearerAuth()
@Controller()
export class CareController {
  constructor(
    private readonly accounts: ElderAccountService,
    private readonly home: ElderHomeService,
    private readonly sos: SosService,
    private readonly assessments: AssessmentsService,
    private readonly visits: VisitsService,
    private readonly scope: OperatorScope,
    private readonly clock: Clock,
  ) {}

  @Post('elders/:elderId/login-code')
  @ApiOperation({ summary: '生成长辈版绑定码（家人），老人在自己手机上输入' })
  @ApiCreatedResponse({ type: LoginCodeResponse })
  loginCode(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string) {
    return this.accounts.createLoginCode(user, elderId);
  }

  @Post('elder-login/claim')
  @HttpCode(200)
  @RateLimit('code')
  @ApiOperation({ summary: '老人用绑定码把当前账号设为本人账号（进入长辈版；每人、每个 IP 限次）' })
  @ApiOkResponse({ type: MeResponse })
  claim(@CurrentUser() user: Principal, @Body() dto: ClaimElderLoginDto) {
    return this.accounts.claim(user, dto.code);
  }

  @Put('elders/:elderId/confirmation')
  @ApiOperation({ summary: '代下单是否需要老人确认、等待时长、超时如何处理' })
  @ApiOkResponse({ type: ConfirmationSettingsDto })
  confirmation(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string, @Body() dto: ConfirmationSettingsDto) {
    return this.accounts.setConfirmation(user, elderId, dto);
  }

  @Get('elder/home')
  @ApiOperation({ summary: '长辈版首页：今日服务、订餐、待确认、家人电话' })
  @ApiOkResponse({ type: ObjectResponse })
  elderHome(@CurrentUser() user: Principal, @Query('elderId', ParseOptionalUuidPipe) elderId?: string) {
    return this.home.home(user, elderId);
  }

  @Post('sos')
  @ApiOperation({ summary: '一键呼叫（10 秒内可取消，之后同时通知附近服务人员、家人和街道）' })
  @ApiCreatedResponse({ type: ObjectResponse })
  raise(@CurrentUser() user: Principal, @Body() dto: RaiseSosDto) {
    return this.sos.raise(user, dto);
  }

  @Get('sos/:sosId')
  @ApiOperation({ summary: '呼叫进展：谁在赶来' })
  @ApiOkResponse({ type: ObjectResponse })
  getSos(@CurrentUser() user: Principal, @Param('sosId', ParseUuidPipe) sosId: string) {
    return this.sos.view(user, sosId);
  }

  @Post('sos/:sosId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: '10 秒内取消误触的呼叫' })
  @ApiOkResponse({ type: ObjectResponse })
  cancelSos(@CurrentUser() user: Principal, @Param('sosId', ParseUuidPipe) sosId: string) {
    return this.sos.cancel(user, sosId);
  }

  @Post('elders/:elderId/assessments')
  @Roles(Role.OPERATOR)
  @ApiTags('operator')
  @ApiOperation({ summary: '录入老年人能力评估（GB/T 42195-2022）' })
  @ApiCreatedResponse({ type: ObjectResponse })
  async assess(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string, @Body() dto: AssessmentDto) {
    await this.scope.requireRecord(user.userId, 'elders', elderId, new DomainError(ErrorCode.ELDER_NOT_FOUND, '未找到该老人，或不在您负责的地区'));
    return this.assessments.record(user, elderId, dto);
  }

  @Get('elders/:elderId/assessments')
  @ApiOperation({ summary: '能力评估记录' })
  @ApiOkResponse({ type: ObjectResponse })
  assessmentsOf(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string) {
    return this.assessments.list(user, elderId);
  }

  @Get('operator/assessments/worklist')
  @Roles(Role.OPERATOR)
  @ApiTags('operator')
  @ApiOperation({ summary: '应评尽评：评估即将到期或 80 岁以上未评估' })
  @ApiOkResponse({ type: ObjectResponse })
  worklist(@CurrentUser() user: Principal) {
    return this.assessments.worklist(user);
  }

  @Get('kpi/visits')
  @Roles(Role.OPERATOR)
  @ApiTags('operator')
  @ApiOperation({ summary: '特殊困难老年人月探访率（按社区，与指标看板同一口径）与逾期名单' })
  @ApiOkResponse({ type: ObjectResponse })
  async visitRate(@CurrentUser() user: Principal, @Query() q: VisitMonthQueryDto) {
    await this.scope.requireRegion(user.userId, q.regionId);
    return this.visits.rate(q.regionId, q.month ?? shanghaiMonth(this.clock.now()));
  }
}

