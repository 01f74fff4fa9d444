import {
  CERTIFICATE_TYPES,
  TRAINING_KINDS,
  type CertificateType,
  type CreateTrainingSessionInput,
  type ExpiringCertificateView,
  type ProviderQualificationRow,
  type ProviderQualificationView,
  type QualificationSummaryView,
  type QualificationTotals,
  type StaffQualificationView,
  type TrainingAttendanceInput,
  type TrainingAttendeeView,
  type TrainingKind,
  type TrainingSessionDetailView,
  type TrainingSessionView,
} from '@carecircle/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/validators.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class CreateTrainingSessionDto implements CreateTrainingSessionInput {
  @ApiProperty({ example: '2026 年第四季度养老护理员岗前培训' })
  @Transform(trim)
  @IsString({ message: '培训名称必须是文字' })
  @IsNotEmpty({ message: '请填写培训名称' })
  @MaxLength(100, { message: '培训名称最多 100 个字' })
  title!: string;

  @ApiProperty({ enum: TRAINING_KINDS })
  @IsIn(TRAINING_KINDS, { message: '培训类型只能是 pre_job（岗前培训）或 on_job（在岗培训）' })
  kind!: TrainingKind;

  @ApiProperty({ example: '2026-11-20' })
  @IsCalendarDate({ message: '培训日期应为 YYYY-MM-DD 格式的日期' })
  heldOn!: string;

  @ApiProperty({ example: 16, description: '学时' })
  @IsNumber({ maxDecimalPlaces: 1 }, { message: '学时应为数字（最多一位小数）' })
  @Min(0.5, { message: '学时至少 0.5' })
  @Max(500, { message: '学时最多 500' })
  hours!: number;

  @ApiPropertyOptional({ description: '组织方为街道（地区）时填写' })
  @IsOptional()
  @Matches(UUID, { message: '地区编号无效' })
  organiserRegionId?: string;

  @ApiPropertyOptional({ description: '组织方为机构时填写' })
  @IsOptional()
  @Matches(UUID, { message: '机构编号无效' })
  organiserProviderId?: string;
}

export class AttendanceRecordDto {
  @ApiProperty()
  @Matches(UUID, { message: '服务人员编号无效' })
  staffId!: string;

  @ApiProperty({ description: '是否考核通过' })
  @IsBoolean({ message: '是否通过应为 true 或 false' })
  passed!: boolean;
}

export class RecordAttendanceDto implements TrainingAttendanceInput {
  @ApiProperty({ type: [AttendanceRecordDto] })
  @IsArray({ message: '签到名单应为列表' })
  @ArrayMinSize(1, { message: '至少登记一人' })
  @ArrayMaxSize(500, { message: '一次最多登记 500 人' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceRecordDto)
  records!: AttendanceRecordDto[];
}

export class SessionsQueryDto {
  @ApiPropertyOptional({ enum: TRAINING_KINDS })
  @IsOptional()
  @IsIn(TRAINING_KINDS, { message: '培训类型只能是 pre_job 或 on_job' })
  kind?: TrainingKind;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(UUID, { message: '机构编号无效' })
  providerId?: string;
}

export class QualificationQueryDto {
  @ApiProperty()
  @Matches(UUID, { message: '请选择地区' })
  regionId!: string;

  @ApiPropertyOptional({ example: '2026-11-27', description: '统计日期，默认今天' })
  @IsOptional()
  @IsCalendarDate({ message: '日期应为 YYYY-MM-DD' })
  date?: string;
}

export class OnDateQueryDto {
  @ApiPropertyOptional({ example: '2026-11-27', description: '统计日期，默认今天' })
  @IsOptional()
  @IsCalendarDate({ message: '日期应为 YYYY-MM-DD' })
  date?: string;
}

export class TrainingSessionResponse implements TrainingSessionView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: TRAINING_KINDS }) kind!: TrainingKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() heldOn!: string;
  @ApiProperty() hours!: number;
  @ApiProperty({ type: String, nullable: true }) organiserRegionId!: string | null;
  @ApiProperty({ type: String, nullable: true }) organiserProviderId!: string | null;
  @ApiProperty() organiserName!: string;
  @ApiProperty() attended!: number;
  @ApiProperty() passed!: number;
}

export class TrainingAttendeeResponse implements TrainingAttendeeView {
  @ApiProperty() staffId!: string;
  @ApiProperty() staffName!: string;
  @ApiProperty() providerId!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null：未参加' }) passed!: boolean | null;
}

export class TrainingSessionDetailResponse extends TrainingSessionResponse implements TrainingSessionDetailView {
  @ApiProperty({ type: [TrainingAttendeeResponse] }) attendees!: TrainingAttendeeResponse[];
}

export class QualificationTotalsResponse implements QualificationTotals {
  @ApiProperty({ description: '养老护理人员（居家养老机构，不含时间银行志愿者）' }) careStaff!: number;
  @ApiProperty() certified!: number;
  @ApiProperty({ type: Number, nullable: true, description: '持证上岗率 0–1' }) certifiedRate!: number | null;
  @ApiProperty() staff!: number;
  @ApiProperty() preJobTrained!: number;
  @ApiProperty({ type: Number, nullable: true, description: '岗前培训率 0–1' }) preJobTrainedRate!: number | null;
}

export class ProviderQualificationRowResponse extends QualificationTotalsResponse implements ProviderQualificationRow {
  @ApiProperty() providerId!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty() providerKind!: string;
  @ApiProperty() regionId!: string;
}

export class ExpiringCertificateResponse implements ExpiringCertificateView {
  @ApiProperty() staffId!: string;
  @ApiProperty() staffName!: string;
  @ApiProperty() providerId!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty({ enum: CERTIFICATE_TYPES }) type!: CertificateType;
  @ApiProperty() typeLabel!: string;
  @ApiProperty() number!: string;
  @ApiProperty() expiresOn!: string;
  @ApiProperty() daysLeft!: number;
}

class TargetsResponse {
  @ApiProperty({ type: Number, nullable: true }) certifiedRate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) preJobTrainedRate!: number | null;
}

export class QualificationSummaryResponse implements QualificationSummaryView {
  @ApiProperty() onDate!: string;
  @ApiProperty({ type: QualificationTotalsResponse }) totals!: QualificationTotalsResponse;
  @ApiProperty({ type: TargetsResponse }) targets!: TargetsResponse;
  @ApiProperty({ type: [ProviderQualificationRowResponse] }) providers!: ProviderQualificationRowResponse[];
  @ApiProperty({ type: [ExpiringCertificateResponse] }) expiring!: ExpiringCertificateResponse[];
}

class StaffCertificateResponse {
  @ApiProperty({ enum: CERTIFICATE_TYPES }) type!: CertificateType;
  @ApiProperty() typeLabel!: string;
  @ApiProperty() number!: string;
  @ApiProperty() expiresOn!: string;
}

export class StaffQualificationResponse implements StaffQualificationView {
  @ApiProperty() staffId!: string;
  @ApiProperty() staffName!: string;
  @ApiProperty() careStaff!: boolean;
  @ApiProperty() isVolunteer!: boolean;
  @ApiProperty() certifiedOnDate!: boolean;
  @ApiProperty() preJobTrained!: boolean;
  @ApiProperty({ type: [StaffCertificateResponse] }) certificates!: StaffCertificateResponse[];
}

export class ProviderQualificationResponse implements ProviderQualificationView {
  @ApiProperty() onDate!: string;
  @ApiProperty({ type: ProviderQualificationRowResponse }) row!: ProviderQualificationRowResponse;
  @ApiProperty({ type: [StaffQualificationResponse] }) staff!: StaffQualificationResponse[];
  @ApiProperty({ type: [StaffQualificationResponse] }) missingCertificate!: StaffQualificationResponse[];
  @ApiProperty({ type: [StaffQualificationResponse] }) missingPreJobTraining!: StaffQualificationResponse[];
  @ApiProperty({ type: [ExpiringCertificateResponse] }) expiring!: ExpiringCertificateResponse[];
}
