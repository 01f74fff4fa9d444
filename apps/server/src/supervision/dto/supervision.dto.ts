import {
  PROVIDER_DOCUMENT_KINDS,
  PROVIDER_KINDS,
  type ProviderKind,
  type CreateInspectorInput,
  type EvaluationKind,
  type GradeProviderInput,
  type InspectionDrawInputView,
  type ProviderDocumentKind,
  type RecordEvaluationInput,
  type RecordInspectionInput,
  type ReviewCheckInOverrideInput,
  type UpdateFilingInput,
} from '@carecircle/shared';
import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/validators.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A partial update (PUT keeps its path for existing clients): fields left out are kept; `null` or "" clears an insurance field. */
export class UpdateFilingDto implements UpdateFilingInput {
  @ApiPropertyOptional({ example: '苏昆民养备 2026-018', description: '不传则保持不变' }) @IsOptional() @Transform(trim) @IsString({ message: '许可证号必须是文字' }) @IsNotEmpty({ message: '请填写许可证号' }) @MaxLength(64, { message: '最多 64 个字' }) licenceNo?: string;
  @ApiPropertyOptional({ example: '昆山市民政局', description: '不传则保持不变' }) @IsOptional() @Transform(trim) @IsString({ message: '发证机关必须是文字' }) @IsNotEmpty({ message: '请填写发证机关' }) @MaxLength(100, { message: '最多 100 个字' }) licenceAuthority?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '中国人寿财产保险昆山支公司', description: '不传则保持不变；传 null 清除' }) @IsOptional() @Transform(trim) @IsString({ message: '保险公司必须是文字' }) @MaxLength(100, { message: '最多 100 个字' }) insurer?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'PZAB2026320500001', description: '不传则保持不变；传 null 清除' }) @IsOptional() @Transform(trim) @IsString({ message: '保单号必须是文字' }) @MaxLength(64, { message: '最多 64 个字' }) insurancePolicyNo?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-06-30', description: '不传则保持不变；传 null 清除' }) @IsOptional() @IsCalendarDate({ message: '保险到期日应为 YYYY-MM-DD' }) insuranceExpiresOn?: string | null;
}

export class UploadDocumentDto {
  @ApiProperty({ enum: PROVIDER_DOCUMENT_KINDS }) @IsIn(PROVIDER_DOCUMENT_KINDS, { message: '请选择材料类型' }) kind!: ProviderDocumentKind;
  @ApiProperty({ example: '营业执照副本' }) @Transform(trim) @IsString({ message: '材料名称必须是文字' }) @IsNotEmpty({ message: '请填写材料名称' }) @MaxLength(100, { message: '最多 100 个字' }) title!: string;
}

export class GradeProviderDto implements GradeProviderInput {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { facility: 26, staff: 25, service: 35 } })
  @IsObject({ message: '请按评分标准逐项打分' })
  scores!: Record<string, number>;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString({ message: '备注必须是文字' }) @MaxLength(300, { message: '最多 300 个字' }) note?: string;
}

export class RecordEvaluationDto implements RecordEvaluationInput {
  @ApiProperty({ enum: ['third_party', 'satisfaction'] }) @IsIn(['third_party', 'satisfaction'], { message: '请选择 第三方评估 或 满意度调查' }) kind!: EvaluationKind;
  @ApiProperty({ example: '苏州社会组织评估中心' }) @Transform(trim) @IsString({ message: '评估机构必须是文字' }) @IsNotEmpty({ message: '请填写评估机构' }) @MaxLength(100, { message: '最多 100 个字' }) evaluator!: string;
  @ApiProperty({ example: 92 }) @IsInt({ message: '得分应为整数' }) @Min(0, { message: '得分为 0–100' }) @Max(100, { message: '得分为 0–100' }) score!: number;
  @ApiPropertyOptional({ example: 120 }) @IsOptional() @IsInt({ message: '样本数应为整数' }) @Min(1, { message: '样本数至少为 1' }) @Max(1_000_000, { message: '样本数过大' }) sampleSize?: number;
  @ApiProperty({ example: '服务规范，回访满意度高' }) @Transform(trim) @IsString({ message: '结论必须是文字' }) @IsNotEmpty({ message: '请填写评估结论' }) @MaxLength(1000, { message: '最多 1000 个字' }) summary!: string;
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate({ message: '评估日期应为 YYYY-MM-DD' }) evaluatedOn!: string;
}

export class CreateInspectorDto implements CreateInspectorInput {
  @ApiProperty() @Matches(UUID, { message: '请选择地区' }) regionId!: string;
  @ApiProperty({ example: '钱卫东' }) @Transform(trim) @IsString({ message: '姓名必须是文字' }) @IsNotEmpty({ message: '请填写姓名' }) @MaxLength(40, { message: '最多 40 个字' }) name!: string;
  @ApiProperty({ example: '昆山市民政局' }) @Transform(trim) @IsString({ message: '所在单位必须是文字' }) @IsNotEmpty({ message: '请填写所在单位' }) @MaxLength(100, { message: '最多 100 个字' }) organisation!: string;
}

export class SetInspectorActiveDto {
  @ApiProperty() @IsBoolean({ message: 'active 应为 true 或 false' }) active!: boolean;
}

export class DrawPoolQueryDto {
  @ApiProperty() @Matches(UUID, { message: '请选择地区' }) regionId!: string;
  @ApiProperty({ enum: PROVIDER_KINDS }) @IsIn(PROVIDER_KINDS, { message: '请选择抽查的机构类型（居家养老服务机构、助餐点或托育机构）' }) providerKind!: ProviderKind;
}

export class RegionQueryDto {
  @ApiProperty() @Matches(UUID, { message: '请选择地区' }) regionId!: string;
}

export class DrawDto implements InspectionDrawInputView {
  @ApiProperty() @Matches(UUID, { message: '请选择地区' }) regionId!: string;
  @ApiProperty({ enum: PROVIDER_KINDS, description: '本次抽取的机构类型：只抽这一类机构，并用这一类的检查表' })
  @IsIn(PROVIDER_KINDS, { message: '请选择抽查的机构类型（居家养老服务机构、助餐点或托育机构）' })
  providerKind!: ProviderKind;
  @ApiProperty({ example: 2 }) @IsInt({ message: '抽取机构数应为整数' }) @Min(1, { message: '至少抽取 1 家机构' }) @Max(50, { message: '一次最多抽取 50 家' }) providerCount!: number;
  @ApiProperty({ example: 2 }) @IsInt({ message: '检查人员数应为整数' }) @Min(1, { message: '至少选派 1 名检查人员' }) @Max(20, { message: '一次最多选派 20 名' }) inspectorCount!: number;
  /** Not part of the API: present only so a client that still sends one hears why it is refused. */
  @ApiHideProperty() @IsOptional()
  seed?: unknown;
}

export class ChecklistResultDto {
  @ApiProperty({ example: 'fire_safety' }) @IsString({ message: '检查项编号必须是文字' }) @Matches(/^[a-z0-9_]{1,40}$/, { message: '检查项编号无效' }) code!: string;
  @ApiProperty() @IsBoolean({ message: 'passed 应为 true 或 false' }) passed!: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString({ message: '说明必须是文字' }) @MaxLength(200, { message: '最多 200 个字' }) note?: string;
}

export class RecordInspectionDto implements RecordInspectionInput {
  @ApiProperty({ type: [ChecklistResultDto] })
  @IsArray({ message: '请逐项填写检查结果' }) @ArrayMinSize(1, { message: '请逐项填写检查结果' }) @ArrayMaxSize(100, { message: '检查项过多' })
  @ValidateNested({ each: true }) @Type(() => ChecklistResultDto)
  results!: ChecklistResultDto[];
  @ApiProperty({ example: '消防通道畅通，护理记录齐全' }) @Transform(trim) @IsString({ message: '检查结论必须是文字' }) @IsNotEmpty({ message: '请填写检查结论' }) @MaxLength(1000, { message: '最多 1000 个字' }) summary!: string;
}

export class ReviewOverrideDto implements ReviewCheckInOverrideInput {
  @ApiProperty({ description: 'false = 无正当理由，扣减服务人员和机构信用分' }) @IsBoolean({ message: '请选择 有正当理由 或 无正当理由' }) justified!: boolean;
  @ApiProperty({ example: '小区内定位漂移，已电话核实' }) @Transform(trim) @IsString({ message: '审核意见必须是文字' }) @IsNotEmpty({ message: '请填写审核意见' }) @MaxLength(300, { message: '最多 300 个字' }) note!: string;
}

export class OverrideQueryDto {
  @ApiPropertyOptional({ enum: ['unreviewed', 'reviewed', 'all'] }) @IsOptional() @IsIn(['unreviewed', 'reviewed', 'all'], { message: '状态只能是 unreviewed/reviewed/all' }) status?: 'unreviewed' | 'reviewed' | 'all';
  @ApiPropertyOptional() @IsOptional() @Matches(UUID, { message: '机构编号无效' }) providerId?: string;
}

export class ObjectResponse {
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: unknown;
}
