import { ASSESSMENT_DIAGNOSIS_KINDS, CARE_RISK_EVENT_TYPES, type AssessmentDiagnosis, type AssessmentDiagnosisKind, type AssessmentInput, type CareRiskEvent, type CareRiskEventType, type ClaimElderLoginInput, type ConfirmationSettingsInput, type RaiseSosInput } from '@carecircle/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/validators.js';
import { GeoPointDto } from '../../households/dto/elder.dto.js';

export class ClaimElderLoginDto implements ClaimElderLoginInput {
  @ApiProperty({ example: 'K7P2QX8M' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9]{6,12}$/, { message: '绑定码为 6–12 位字母或数字' })
  code!: string;
}

export class ConfirmationSettingsDto implements ConfirmationSettingsInput {
  @ApiProperty() @IsBoolean({ message: 'confirmOrders 应为 true 或 false' }) confirmOrders!: boolean;
  @ApiProperty({ example: 30 }) @IsInt({ message: '等待时长应为整数分钟' }) @Min(5, { message: '至少 5 分钟' }) @Max(1440, { message: '最多 24 小时' }) timeoutMinutes!: number;
  @ApiProperty({ enum: ['proceed', 'cancel'] }) @IsIn(['proceed', 'cancel'], { message: '超时处理只能是 proceed（照常下单）或 cancel（取消）' }) onTimeout!: 'proceed' | 'cancel';
}

export class RaiseSosDto implements RaiseSosInput {
  @ApiPropertyOptional({ description: '为哪位老人呼叫（老人本人登录时可省略）' }) @IsOptional() @IsUUID('all', { message: '老人编号无效' }) elderId?: string;
  @ApiPropertyOptional({ type: GeoPointDto, description: '当前位置（无则用家庭住址）' }) @IsOptional() @ValidateNested() @Type(() => GeoPointDto) location?: GeoPointDto;
  @ApiPropertyOptional({ description: '演练模式' }) @IsOptional() @IsBoolean({ message: 'drill 应为 true 或 false' }) drill?: boolean;
}

/** 疾病诊断 behind GB/T 42195-2022 附录C C.4 (痴呆 F00–F03; 其他精神和行为障碍 F04–F99). */
export class AssessmentDiagnosisDto implements AssessmentDiagnosis {
  @ApiProperty({ enum: ASSESSMENT_DIAGNOSIS_KINDS }) @IsIn([...ASSESSMENT_DIAGNOSIS_KINDS], { message: '诊断类别应为 痴呆 或 其他精神和行为障碍' }) kind!: AssessmentDiagnosisKind;
  @ApiPropertyOptional({ example: '阿尔茨海默病' }) @IsOptional() @IsString({ message: '诊断名称应为文字' }) @MaxLength(100, { message: '诊断名称最多 100 字' }) name?: string;
  @ApiPropertyOptional({ description: '精神科专科医生诊断' }) @IsOptional() @IsBoolean({ message: '是否精神科专科医生诊断应为 true 或 false' }) byPsychiatrist?: boolean;
  @ApiPropertyOptional({ example: '2025-03-02' }) @IsOptional() @IsCalendarDate({ message: '诊断日期应为 YYYY-MM-DD' }) diagnosedOn?: string;
}

/** 照护风险事件 with its date (C.4: 2 次及以上 in the last 30 days raise the grade). */
export class CareRiskEventDto implements CareRiskEvent {
  @ApiProperty({ enum: CARE_RISK_EVENT_TYPES }) @IsIn([...CARE_RISK_EVENT_TYPES], { message: '事件应为 跌倒、噎食、自杀/自伤 或 走失' }) type!: CareRiskEventType;
  @ApiProperty({ example: '2026-11-12' }) @IsCalendarDate({ message: '事件日期应为 YYYY-MM-DD' }) date!: string;
  @ApiPropertyOptional() @IsOptional() @IsString({ message: '说明应为文字' }) @MaxLength(200, { message: '说明最多 200 字' }) note?: string;
}

export class AssessmentDto implements AssessmentInput {
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate({ message: '评估日期应为 YYYY-MM-DD' }) assessedOn!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: '各评估项目得分（GB/T 42195-2022 附录B）' })
  @IsObject({ message: '评估项目应为对象' })
  items!: Record<string, number>;
  @ApiPropertyOptional({ description: '处于昏迷状态（直接评定为完全失能）' }) @IsOptional() @IsBoolean({ message: 'coma 应为 true 或 false' }) coma?: boolean;
  @ApiPropertyOptional({ type: [AssessmentDiagnosisDto] })
  @IsOptional() @IsArray({ message: '诊断应为列表' }) @ArrayMaxSize(20, { message: '诊断最多 20 条' }) @ValidateNested({ each: true }) @Type(() => AssessmentDiagnosisDto)
  diagnoses?: AssessmentDiagnosisDto[];
  @ApiPropertyOptional({ type: [CareRiskEventDto] })
  @IsOptional() @IsArray({ message: '照护风险事件应为列表' }) @ArrayMaxSize(50, { message: '照护风险事件最多 50 条' }) @ValidateNested({ each: true }) @Type(() => CareRiskEventDto)
  riskEvents?: CareRiskEventDto[];
}

export class VisitMonthQueryDto {
  @ApiProperty() @IsUUID('all', { message: '请选择街道或社区' }) regionId!: string;
  @ApiPropertyOptional({ example: '2026-11' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份应为 YYYY-MM' }) month?: string;
}
