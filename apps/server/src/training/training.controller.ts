import { Role } from '@carecircle/shared';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import {
  CreateTrainingSessionDto,
  OnDateQueryDto,
  ProviderQualificationResponse,
  QualificationQueryDto,
  QualificationSummaryResponse,
  RecordAttendanceDto,
  SessionsQueryDto,
  TrainingSessionDetailResponse,
  TrainingSessionResponse,
} from './dto/training.dto.js';
import { QualificationService } from './qualification.service.js';
import { TrainingService } from './training.service.js';

@ApiTags('training')
@ApiBearerAuth()
@Controller()
export class TrainingController {
  constructor(
    private readonly training: TrainingService,
    private readonly qualification: QualificationService,
  ) {}

  @Get('operator/qualification')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '人员资质：各机构持证上岗率、岗前培训率及即将到期的证书（街道运营）' })
  @ApiOkResponse({ type: QualificationSummaryResponse })
  summary(@CurrentUser() user: Principal, @Query() q: QualificationQueryDto): Promise<QualificationSummaryResponse> {
    return this.qualification.summary(user, q.regionId, q.date);
  }

  @Get('training/providers/:providerId/qualification')
  @ApiOperation({ summary: '机构人员资质明细：未持证、未完成岗前培训、证书即将到期（运营或本机构管理员）' })
  @ApiOkResponse({ type: ProviderQualificationResponse })
  provider(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string, @Query() q: OnDateQueryDto): Promise<ProviderQualificationResponse> {
    return this.qualification.provider(user, providerId, q.date);
  }

  @Post('training/sessions')
  @ApiOperation({ summary: '登记一次培训（岗前/在岗；街道或机构组织）' })
  @ApiCreatedResponse({ type: TrainingSessionDetailResponse })
  create(@CurrentUser() user: Principal, @Body() dto: CreateTrainingSessionDto): Promise<TrainingSessionDetailResponse> {
    return this.training.create(user, dto);
  }

  @Get('training/sessions')
  @ApiOperation({ summary: '培训列表（运营看所辖地区，机构管理员看本机构）' })
  @ApiOkResponse({ type: [TrainingSessionResponse] })
  list(@CurrentUser() user: Principal, @Query() q: SessionsQueryDto): Promise<TrainingSessionResponse[]> {
    return this.training.list(user, q);
  }

  @Get('training/sessions/:sessionId')
  @ApiOperation({ summary: '培训详情与签到名单' })
  @ApiOkResponse({ type: TrainingSessionDetailResponse })
  get(@CurrentUser() user: Principal, @Param('sessionId', ParseUuidPipe) sessionId: string): Promise<TrainingSessionDetailResponse> {
    return this.training.get(user, sessionId);
  }

  @Put('training/sessions/:sessionId/attendance')
  @ApiOperation({ summary: '登记参训与考核结果（组织方）' })
  @ApiOkResponse({ type: TrainingSessionDetailResponse })
  attendance(@CurrentUser() user: Principal, @Param('sessionId', ParseUuidPipe) sessionId: string, @Body() dto: RecordAttendanceDto): Promise<TrainingSessionDetailResponse> {
    return this.training.recordAttendance(user, sessionId, dto);
  }
}
