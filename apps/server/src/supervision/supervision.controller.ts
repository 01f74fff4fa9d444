import { Role, type InspectionStatus } from '@carecircle/shared';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import { DOCUMENT_MAX_BYTES } from '@carecircle/shared';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { CheckInOverridesService } from './check-in-overrides.service.js';
import {
  CreateInspectorDto,
  DrawDto,
  DrawPoolQueryDto,
  GradeProviderDto,
  ObjectResponse,
  OverrideQueryDto,
  RecordEvaluationDto,
  RecordInspectionDto,
  RegionQueryDto,
  ReviewOverrideDto,
  SetInspectorActiveDto,
  UpdateFilingDto,
  UploadDocumentDto,
} from './dto/supervision.dto.js';
import { InspectionsService } from './inspections.service.js';
import { ProviderRecordService, type UploadedFile as Upload } from './provider-record.service.js';

class InspectionQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9a-f-]{36}$/i, { message: '请选择地区' }) regionId?: string;
  @ApiPropertyOptional({ enum: ['planned', 'recorded', 'published'] }) @IsOptional() @IsIn(['planned', 'recorded', 'published'], { message: '状态只能是 planned/recorded/published' }) status?: InspectionStatus;
}

class UploadBody extends UploadDocumentDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF、JPG 或 PNG，不超过 10 MB' }) file!: unknown;
}

/** Provider supervision: 备案 and documents, 等级评定, evaluations, credit, 双随机 inspections, check-in override reviews. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller()
export class SupervisionController {
  constructor(
    private readonly records: ProviderRecordService,
    private readonly inspections: InspectionsService,
    private readonly overrides: CheckInOverridesService,
  ) {}

  @Get('supervision/providers/:providerId')
  @Roles(Role.OPERATOR, Role.PROVIDER_ADMIN)
  @ApiOperation({ summary: '机构监管档案：备案、材料、等级评定、评估、抽查、信用' })
  @ApiOkResponse({ type: ObjectResponse })
  record(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string) {
    return this.records.record(user, providerId);
  }

  @Put('supervision/providers/:providerId/filing')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '更新备案信息（许可证、发证机关、保险），每次变更留痕', description: '部分更新：只改请求中出现的字段，未传的字段保持原值；保险字段传 null（或空字符串）表示清除。' })
  @ApiOkResponse({ type: ObjectResponse })
  updateFiling(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string, @Body() dto: UpdateFilingDto) {
    return this.records.updateFiling(user, providerId, dto);
  }

  @Get('supervision/providers/:providerId/documents')
  @Roles(Role.OPERATOR, Role.PROVIDER_ADMIN)
  @ApiOperation({ summary: '备案材料列表' })
  @ApiOkResponse({ type: ObjectResponse })
  documents(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string) {
    return this.records.listDocuments(user, providerId);
  }

  @Post('supervision/providers/:providerId/documents')
  @Roles(Role.OPERATOR, Role.PROVIDER_ADMIN)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 10 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadBody })
  @ApiOperation({ summary: '上传备案材料（PDF/JPG/PNG，≤ 10 MB）' })
  @ApiCreatedResponse({ type: ObjectResponse })
  upload(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string, @Body() dto: UploadDocumentDto, @UploadedFile() file: Upload | undefined) {
    return this.records.uploadDocument(user, providerId, dto, file);
  }

  @Get('supervision/providers/:providerId/documents/:documentId/download')
  @Roles(Role.OPERATOR, Role.PROVIDER_ADMIN)
  @ApiOperation({ summary: '下载备案材料' })
  @ApiOkResponse({ description: '文件内容' })
  async download(
    @CurrentUser() user: Principal,
    @Param('providerId', ParseUuidPipe) providerId: string,
    @Param('documentId', ParseUuidPipe) documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.records.download(user, providerId, documentId);
    res.setHeader('content-type', file.mimeType);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-disposition', `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return new StreamableFile(file.data);
  }

  @Get('supervision/providers/:providerId/grading-criteria')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '该机构适用的等级评定标准（政策表 grading_criteria）' })
  @ApiOkResponse({ type: ObjectResponse })
  async gradingCriteria(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string) {
    return (await this.records.gradingCriteria(user, providerId)) ?? { policyVersion: null, criteria: null };
  }

  @Post('supervision/providers/:providerId/gradings')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '等级评定：按本地区评分标准逐项打分，自动得出等级' })
  @ApiCreatedResponse({ type: ObjectResponse })
  grade(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string, @Body() dto: GradeProviderDto) {
    return this.records.grade(user, providerId, dto);
  }

  @Post('supervision/providers/:providerId/evaluations')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '登记第三方评估或满意度调查结果' })
  @ApiCreatedResponse({ type: ObjectResponse })
  evaluate(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string, @Body() dto: RecordEvaluationDto) {
    return this.records.recordEvaluation(user, providerId, dto);
  }

  @Get('supervision/providers/:providerId/credit')
  @Roles(Role.OPERATOR, Role.PROVIDER_ADMIN)
  @ApiOperation({ summary: '机构信用记录：扣分事件与当前分数' })
  @ApiOkResponse({ type: ObjectResponse })
  providerCredit(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string) {
    return this.records.providerCredit(user, providerId);
  }

  @Get('supervision/staff/:staffId/credit')
  @Roles(Role.OPERATOR, Role.PROVIDER_ADMIN)
  @ApiOperation({ summary: '服务人员信用记录：扣分事件与当前分数' })
  @ApiOkResponse({ type: ObjectResponse })
  staffCredit(@CurrentUser() user: Principal, @Param('staffId', ParseUuidPipe) staffId: string) {
    return this.records.staffCredit(user, staffId);
  }

  @Get('supervision/inspectors')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '检查人员名录（本地区）' })
  @ApiOkResponse({ type: ObjectResponse })
  inspectors(@CurrentUser() user: Principal, @Query() q: RegionQueryDto) {
    return this.inspections.inspectors(user, q.regionId);
  }

  @Post('supervision/inspectors')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '添加检查人员' })
  @ApiCreatedResponse({ type: ObjectResponse })
  addInspector(@CurrentUser() user: Principal, @Body() dto: CreateInspectorDto) {
    return this.inspections.addInspector(user, dto);
  }

  @Patch('supervision/inspectors/:inspectorId')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '启用或停用检查人员（停用者不参加抽取）' })
  @ApiOkResponse({ type: ObjectResponse })
  setInspectorActive(@CurrentUser() user: Principal, @Param('inspectorId', ParseUuidPipe) id: string, @Body() dto: SetInspectorActiveDto) {
    return this.inspections.setInspectorActive(user, id, dto.active);
  }

  @Post('supervision/draws')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '双随机抽取第一步：系统生成随机种子，先公布其 SHA-256 哈希和抽取名单（种子此时不公开，不能自行指定）' })
  @ApiCreatedResponse({ type: ObjectResponse })
  draw(@CurrentUser() user: Principal, @Body() dto: DrawDto) {
    return this.inspections.prepareDraw(user, dto);
  }

  @Post('supervision/draws/:drawId/execute')
  @Roles(Role.OPERATOR)
  @HttpCode(200)
  @ApiOperation({ summary: '双随机抽取第二步：用已公布哈希的种子抽取机构和检查人员，公开种子，生成检查任务' })
  @ApiOkResponse({ type: ObjectResponse })
  executeDraw(@CurrentUser() user: Principal, @Param('drawId', ParseUuidPipe) drawId: string) {
    return this.inspections.executeDraw(user, drawId);
  }

  @Get('supervision/draw-pool')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '抽取名单预览：本地区某一类机构中可抽查的机构（已审核通过）与检查人员数' })
  @ApiOkResponse({ type: ObjectResponse })
  drawPool(@CurrentUser() user: Principal, @Query() q: DrawPoolQueryDto) {
    return this.inspections.pool(user, q.regionId, q.providerKind);
  }

  @Get('supervision/draws')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '抽取记录（本地区）' })
  @ApiOkResponse({ type: ObjectResponse })
  draws(@CurrentUser() user: Principal, @Query() q: RegionQueryDto) {
    return this.inspections.draws(user, q.regionId);
  }

  @Get('supervision/draws/:drawId')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '一次抽取的种子、名单与结果' })
  @ApiOkResponse({ type: ObjectResponse })
  getDraw(@CurrentUser() user: Principal, @Param('drawId', ParseUuidPipe) drawId: string) {
    return this.inspections.getDraw(user, drawId);
  }

  @Post('supervision/draws/:drawId/verify')
  @Roles(Role.OPERATOR)
  @HttpCode(200)
  @ApiOperation({ summary: '核验抽取：公开的种子与事先公布的哈希一致，且用种子和名单重新抽取结果相同' })
  @ApiOkResponse({ type: ObjectResponse })
  verifyDraw(@CurrentUser() user: Principal, @Param('drawId', ParseUuidPipe) drawId: string) {
    return this.inspections.verifyDraw(user, drawId);
  }

  @Get('supervision/inspections')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '抽查任务列表' })
  @ApiOkResponse({ type: ObjectResponse })
  listInspections(@CurrentUser() user: Principal, @Query() q: InspectionQueryDto) {
    return this.inspections.list(user, q.regionId, q.status);
  }

  @Put('supervision/inspections/:inspectionId/result')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '录入检查结果（逐项），公示前可修改' })
  @ApiOkResponse({ type: ObjectResponse })
  recordInspection(@CurrentUser() user: Principal, @Param('inspectionId', ParseUuidPipe) id: string, @Body() dto: RecordInspectionDto) {
    return this.inspections.record(user, id, dto);
  }

  @Post('supervision/inspections/:inspectionId/publish')
  @Roles(Role.OPERATOR)
  @HttpCode(200)
  @ApiOperation({ summary: '公示检查结果；不合格扣减机构信用分' })
  @ApiOkResponse({ type: ObjectResponse })
  publish(@CurrentUser() user: Principal, @Param('inspectionId', ParseUuidPipe) id: string) {
    return this.inspections.publish(user, id);
  }

  @Get('supervision/check-in-overrides')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '超范围签到审核列表' })
  @ApiOkResponse({ type: ObjectResponse })
  overridesList(@CurrentUser() user: Principal, @Query() q: OverrideQueryDto) {
    return this.overrides.list(user, q.status, q.providerId);
  }

  @Post('supervision/check-in-overrides/:orderId/review')
  @Roles(Role.OPERATOR)
  @HttpCode(200)
  @ApiOperation({ summary: '审核超范围签到：无正当理由扣减服务人员和机构信用分' })
  @ApiOkResponse({ type: ObjectResponse })
  reviewOverride(@CurrentUser() user: Principal, @Param('orderId', ParseUuidPipe) orderId: string, @Body() dto: ReviewOverrideDto) {
    return this.overrides.review(user, orderId, dto.justified, dto.note);
  }
}
