import { AUDIT_ENTITIES, ErrorCode, Role, SUBSIDY_CATEGORIES, type AuditEntity, type AuditQuery, type SubsidyCategory } from '@carecircle/shared';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { IsCalendarDate } from '../common/validation/validators.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AuditService } from './audit.service.js';
import { OperatorScope } from './operator-scope.service.js';
import { ComplaintsService } from './complaints.service.js';
import { EligibilityService } from './eligibility.service.js';
import { KpiService } from './kpi.service.js';
import { StatementsService } from './statements.service.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

class DeclareEligibilityDto {
  @ApiProperty({ enum: SUBSIDY_CATEGORIES }) @IsIn(SUBSIDY_CATEGORIES, { message: '请选择补贴类别' }) category!: SubsidyCategory;
  @ApiProperty({ example: '低保证编号 KS2026-0012' }) @Transform(trim) @IsString({ message: '证明材料说明必须是文字' }) @IsNotEmpty({ message: '请说明证明材料' }) @MaxLength(300, { message: '最多 300 个字' }) evidenceNote!: string;
}

class VerifyEligibilityDto {
  @ApiProperty({ enum: ['verified', 'rejected'] }) @IsIn(['verified', 'rejected'], { message: '请选择 核验通过 或 不通过' }) decision!: 'verified' | 'rejected';
  @ApiPropertyOptional({ example: '2027-11-30' }) @IsOptional() @IsCalendarDate({ message: '有效期应为 YYYY-MM-DD' }) validUntil?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString({ message: '备注必须是文字' }) @MaxLength(300, { message: '最多 300 个字' }) note?: string;
}

class FileComplaintDto {
  @ApiProperty({ example: '服务人员迟到一小时' }) @Transform(trim) @IsString({ message: '投诉内容必须是文字' }) @IsNotEmpty({ message: '请填写投诉内容' }) @MaxLength(1000, { message: '最多 1000 个字' }) text!: string;
}

class HandleComplaintDto {
  @ApiProperty({ enum: ['investigating', 'resolved', 'rejected'] }) @IsIn(['investigating', 'resolved', 'rejected'], { message: '状态只能是 调查中/已查实/未查实' }) status!: 'investigating' | 'resolved' | 'rejected';
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString({ message: '答复必须是文字' }) @MaxLength(1000, { message: '最多 1000 个字' }) reply?: string;
  @ApiPropertyOptional({ example: 10 }) @IsOptional() @IsInt({ message: '扣分应为整数' }) @Min(0, { message: '不能为负' }) @Max(100, { message: '最多 100 分' }) creditPoints?: number;
}

class AdjustStatementDto {
  @ApiProperty({ example: -1500 }) @IsInt({ message: '调整金额应为整数（分）' }) @Min(-10_000_000, { message: '过大' }) @Max(10_000_000, { message: '过大' }) amountFen!: number;
  @ApiProperty({ example: '核减超范围签到服务' }) @Transform(trim) @IsString({ message: '原因必须是文字' }) @IsNotEmpty({ message: '请填写调整原因' }) @MaxLength(200, { message: '最多 200 个字' }) reason!: string;
}

class MonthDto {
  @ApiProperty({ example: '2026-11' }) @Matches(MONTH, { message: '月份应为 YYYY-MM' }) month!: string;
}

class KpiQueryDto {
  @ApiProperty() @Matches(/^[0-9a-f-]{36}$/i, { message: '请选择地区' }) regionId!: string;
  @ApiPropertyOptional({ example: '2026-11' }) @IsOptional() @Matches(MONTH, { message: '月份应为 YYYY-MM' }) month?: string;
}

class StatusQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z_]{3,20}$/, { message: '状态无效' }) status?: string;
}

class AuditQueryDto implements AuditQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9a-f-]{36}$/i, { message: '编号无效' }) entityId?: string;
  @ApiPropertyOptional({ enum: AUDIT_ENTITIES }) @IsOptional() @IsIn(AUDIT_ENTITIES, { message: '对象类型无效' }) entity?: AuditEntity;
  @ApiPropertyOptional({ description: '操作代码或其前缀，如 statement_、policy_', example: 'statement_' }) @IsOptional() @Matches(/^[a-z0-9_]{1,24}$/, { message: '操作代码无效' }) action?: string;
  @ApiPropertyOptional({ description: '操作人昵称（包含即可）' }) @IsOptional() @Transform(trim) @IsString({ message: '操作人必须是文字' }) @MaxLength(40, { message: '最多 40 个字' }) userName?: string;
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @IsCalendarDate({ message: '开始日期应为 YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-11-30' }) @IsOptional() @IsCalendarDate({ message: '结束日期应为 YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ description: '翻页：只要编号小于此值的记录' }) @IsOptional() @Matches(/^[1-9]\d{0,18}$/, { message: '翻页参数无效' }) beforeId?: string;
}

class ObjectResponse {
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: unknown;
}

@ApiTags('operator')
@ApiBearerAuth()
@Controller()
export class RegulationController {
  constructor(
    private readonly eligibility: EligibilityService,
    private readonly complaints: ComplaintsService,
    private readonly statements: StatementsService,
    private readonly kpi: KpiService,
    private readonly audit: AuditService,
    private readonly scope: OperatorScope,
  ) {}

  @Post('elders/:elderId/eligibility')
  @HttpCode(200)
  @ApiTags('households')
  @ApiOperation({ summary: '申报补贴类别（附证明材料说明），待街道核验' })
  @ApiOkResponse({ type: ObjectResponse })
  declare(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string, @Body() dto: DeclareEligibilityDto) {
    return this.eligibility.declare(user, elderId, dto.category, dto.evidenceNote);
  }

  @Get('elders/:elderId/eligibility')
  @ApiTags('households')
  @ApiOperation({ summary: '补贴类别申报与核验结果（家属查看）' })
  @ApiOkResponse({ type: ObjectResponse })
  eligibilityStatus(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string) {
    return this.eligibility.status(user, elderId);
  }

  @Get('operator/eligibility')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '补贴资格核验队列（本人负责的地区）' })
  @ApiOkResponse({ type: ObjectResponse })
  eligibilityQueue(@CurrentUser() user: Principal, @Query() q: StatusQueryDto) {
    return this.eligibility.queue(user, q.status ?? 'unverified');
  }

  @Post('operator/elders/:elderId/eligibility')
  @Roles(Role.OPERATOR)
  @HttpCode(200)
  @ApiOperation({ summary: '核验补贴资格：通过（有效期）或不通过' })
  @ApiOkResponse({ type: ObjectResponse })
  verify(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string, @Body() dto: VerifyEligibilityDto) {
    return this.eligibility.verify(user, elderId, dto.decision, dto.validUntil, dto.note);
  }

  @Post('orders/:orderId/complaints')
  @ApiTags('orders')
  @ApiOperation({ summary: '对订单投诉' })
  @ApiCreatedResponse({ type: ObjectResponse })
  file(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string, @Body() dto: FileComplaintDto) {
    return this.complaints.file(user, orderId, dto.text);
  }

  @Get('complaints')
  @ApiTags('orders')
  @ApiOperation({ summary: '我家的投诉及处理进展' })
  @ApiOkResponse({ type: ObjectResponse })
  myComplaints(@CurrentUser() user: Principal) {
    return this.complaints.mine(user);
  }

  @Get('operator/complaints')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '投诉处理列表' })
  @ApiOkResponse({ type: ObjectResponse })
  complaintsList(@CurrentUser() user: Principal, @Query() q: StatusQueryDto) {
    return this.complaints.list(user, q.status);
  }

  @Patch('operator/complaints/:id')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '处理投诉：状态、答复、信用扣分' })
  @ApiOkResponse({ type: ObjectResponse })
  handle(@CurrentUser() user: Principal, @Param('id', ParseUuidPipe) id: string, @Body() dto: HandleComplaintDto) {
    return this.complaints.handle(user, id, dto.status, dto.reply, dto.creditPoints);
  }

  @Post('operator/statements/:month/generate')
  @Roles(Role.OPERATOR)
  @HttpCode(200)
  @ApiOperation({ summary: '生成当月各机构补贴结算单（草稿）' })
  @ApiOkResponse({ type: ObjectResponse })
  generate(@CurrentUser() user: Principal, @Param() p: MonthDto) {
    return this.statements.generate(user, p.month);
  }

  @Get('operator/statements')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '结算单列表' })
  @ApiOkResponse({ type: ObjectResponse })
  listStatements(@CurrentUser() user: Principal, @Query() q: MonthDto) {
    return this.statements.list(user, q.month);
  }

  @Post('operator/statements/:id/adjustments')
  @Roles(Role.OPERATOR)
  @HttpCode(200)
  @ApiOperation({ summary: '调整结算金额（须写明原因）' })
  @ApiOkResponse({ type: ObjectResponse })
  adjust(@CurrentUser() user: Principal, @Param('id', ParseUuidPipe) id: string, @Body() dto: AdjustStatementDto) {
    return this.statements.adjust(user, id, dto.amountFen, dto.reason);
  }

  @Post('operator/statements/:id/approve')
  @Roles(Role.OPERATOR)
  @HttpCode(200)
  @ApiOperation({ summary: '审批结算单（审批后锁定）' })
  @ApiOkResponse({ type: ObjectResponse })
  approve(@CurrentUser() user: Principal, @Param('id', ParseUuidPipe) id: string) {
    return this.statements.approve(user, id);
  }

  @Get('operator/statements/:id/export')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '导出结算单（Excel）' })
  @ApiOkResponse({ description: 'xlsx' })
  async export(@CurrentUser() user: Principal, @Param('id', ParseUuidPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.statements.export(user, id);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="statement.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    return new StreamableFile(file.data);
  }

  @Get('provider-statements')
  @Roles(Role.PROVIDER_ADMIN)
  @ApiTags('providers')
  @ApiOperation({ summary: '本机构的补贴结算单（各月份，草稿与已审批）' })
  @ApiOkResponse({ type: ObjectResponse })
  providerStatements(@CurrentUser() user: Principal) {
    return this.statements.listForProviderAdmin(user);
  }

  @Get('provider-statements/:id')
  @Roles(Role.PROVIDER_ADMIN)
  @ApiTags('providers')
  @ApiOperation({ summary: '本机构的一张结算单及其每一条明细（老人姓名脱敏）' })
  @ApiOkResponse({ type: ObjectResponse })
  providerStatement(@CurrentUser() user: Principal, @Param('id', ParseUuidPipe) id: string) {
    return this.statements.getForProviderAdmin(user, id);
  }

  @Get('kpi/summary')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '指标看板：各项指标与目标（可下钻）' })
  @ApiOkResponse({ type: ObjectResponse })
  summary(@CurrentUser() user: Principal, @Query() q: KpiQueryDto) {
    return this.kpi.summary(user, q.regionId, q.month);
  }

  @Get('operator/audit')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '审计日志：谁查看或修改了哪条敏感记录（按对象、类型、操作、操作人、日期筛选，每页 200 条）' })
  @ApiOkResponse({ type: ObjectResponse })
  async auditLog(@CurrentUser() user: Principal, @Query() q: AuditQueryDto) {
    if (q.from && q.to && q.from > q.to) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'to: 结束日期不能早于开始日期', { fields: [{ field: 'to', message: '结束日期不能早于开始日期' }] });
    return this.audit.search(await this.scope.regionIds(user.userId), q);
  }
}
