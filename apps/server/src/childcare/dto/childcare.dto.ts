import { CARE_TYPES, type AgeClass, type CareType, type ChildcareClassInput, type EnrolInput, type PickupPersonInput, type PriorityEvidenceInput, type PriorityFactDecisionInput } from '@carecircle/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsChineseMobile } from '../../common/validation/validators.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const AGE_CLASSES_LIST = ['infant', 'toddler', 'preschool'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CentreSettingsDto {
  @ApiProperty({ example: 80, description: '额定托位数' })
  @IsInt({ message: '额定托位数应为整数' })
  @Min(1, { message: '额定托位数至少 1' })
  @Max(2000, { message: '额定托位数过大' })
  licensedPlaces!: number;

  @ApiPropertyOptional({ example: '07:30', description: '开放时间（开始），计时托只能约在开放时间内' })
  @IsOptional()
  @Matches(HHMM, { message: '开园时间应为 HH:mm' })
  openTime?: string;

  @ApiPropertyOptional({ example: '18:00', description: '开放时间（结束）' })
  @IsOptional()
  @Matches(HHMM, { message: '闭园时间应为 HH:mm' })
  closeTime?: string;
}

export class ClassPricesDto {
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '价格应为整数（分）' }) @Min(0, { message: '价格不能为负' }) full_day?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '价格应为整数（分）' }) @Min(0, { message: '价格不能为负' }) half_day?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '价格应为整数（分）' }) @Min(0, { message: '价格不能为负' }) hourly?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '价格应为整数（分）' }) @Min(0, { message: '价格不能为负' }) occasional?: number;
}

export class ChildcareClassDto implements ChildcareClassInput {
  @ApiProperty({ enum: AGE_CLASSES_LIST }) @IsIn(AGE_CLASSES_LIST, { message: '班级只能是 infant（乳儿班）/toddler（托小班）/preschool（托大班）' }) ageClass!: AgeClass;
  @ApiProperty({ example: '托小班（一）' }) @Transform(trim) @IsString({ message: '班级名称必须是文字' }) @IsNotEmpty({ message: '请填写班级名称' }) @MaxLength(40, { message: '班级名称最多 40 个字' }) name!: string;
  @ApiProperty({ example: 15 }) @IsInt({ message: '托位数应为整数' }) @Min(1, { message: '托位数至少 1' }) capacity!: number;
  @ApiProperty() @IsBoolean({ message: 'puhui 应为 true 或 false' }) puhui!: boolean;
  @ApiProperty({ type: ClassPricesDto, description: '全日托/半日托为月价，计时托为每小时，临时托为每天（分）' }) @ValidateNested() @Type(() => ClassPricesDto) @IsNotEmpty({ message: '请填写价格' }) prices!: ClassPricesDto;
  @ApiProperty({ example: 2, description: '计时托/临时托每日额外名额' }) @IsInt({ message: '每日额外名额应为整数' }) @Min(0, { message: '不能为负' }) @Max(50, { message: '过大' }) dailyQuota!: number;
}

export class EnrolDto implements EnrolInput {
  @ApiProperty() @IsUUID('all', { message: '请选择孩子' }) childId!: string;
  @ApiProperty() @IsUUID('all', { message: '请选择班级' }) classId!: string;
  @ApiProperty({ enum: CARE_TYPES }) @IsIn(CARE_TYPES, { message: '托育方式只能是 全日托/半日托/计时托/临时托' }) careType!: CareType;
  @ApiPropertyOptional({ example: '2026-12' }) @IsOptional() @Matches(MONTH, { message: '入托月份应为 YYYY-MM' }) startMonth?: string;
  @ApiPropertyOptional({ example: '2026-12-03' }) @IsOptional() @IsCalendarDate({ message: '日期应为 YYYY-MM-DD' }) date?: string;
  @ApiPropertyOptional({ example: '09:00' }) @IsOptional() @Matches(HHMM, { message: '开始时间应为 HH:mm' }) startTime?: string;
  @ApiPropertyOptional({ example: '12:00' }) @IsOptional() @Matches(HHMM, { message: '结束时间应为 HH:mm' }) endTime?: string;
  @ApiPropertyOptional({ description: '满员时加入轮候' }) @IsOptional() @IsBoolean({ message: 'waitlistIfFull 应为 true 或 false' }) waitlistIfFull?: boolean;
  @ApiPropertyOptional({ type: [String], example: ['multi_child'], description: '轮候优先事实（如 multi_child 多孩家庭、dual_working 双职工）' })
  @IsOptional()
  @IsArray({ message: '优先事实应为列表' })
  @ArrayMaxSize(10, { message: '最多 10 项' })
  @ArrayUnique({ message: '有重复' })
  @Matches(/^[a-z_]{2,30}$/, { each: true, message: '优先事实为小写英文编码' })
  priorityFacts?: string[];
  @ApiPropertyOptional({ type: () => [PriorityEvidenceDto], description: '每项申报的优先事实的证明说明；机构或街道核验通过后才计分' })
  @IsOptional()
  @IsArray({ message: '证明说明应为列表' })
  @ArrayMaxSize(10, { message: '最多 10 项' })
  @ValidateNested({ each: true })
  @Type(() => PriorityEvidenceDto)
  priorityEvidence?: PriorityEvidenceDto[];
}

export class PriorityEvidenceDto implements PriorityEvidenceInput {
  @ApiProperty({ example: 'multi_child' }) @Matches(/^[a-z_]{2,30}$/, { message: '优先事实为小写英文编码' }) fact!: string;
  @ApiProperty({ example: '户口簿：家中另有一名 2021 年出生的孩子' }) @Transform(trim) @IsString({ message: '证明说明必须是文字' }) @IsNotEmpty({ message: '请写明证明' }) @MaxLength(300, { message: '证明说明最多 300 个字' }) note!: string;
}

export class PriorityFactDecisionDto implements PriorityFactDecisionInput {
  @ApiProperty({ description: 'true 核验通过（计分），false 不通过' }) @IsBoolean({ message: 'verified 应为 true 或 false' }) verified!: boolean;
  @ApiPropertyOptional({ example: '未见在职证明，请补交后重新登记' }) @IsOptional() @Transform(trim) @IsString({ message: '说明必须是文字' }) @MaxLength(300, { message: '说明最多 300 个字' }) note?: string;
}

export class PickupPersonDto implements PickupPersonInput {
  @ApiProperty({ example: '李奶奶' }) @Transform(trim) @IsString({ message: '姓名必须是文字' }) @IsNotEmpty({ message: '请填写姓名' }) @MaxLength(40, { message: '姓名最多 40 个字' }) name!: string;
  @ApiProperty({ example: '13900001111' }) @IsChineseMobile({ message: '手机号应为 11 位手机号码' }) phone!: string;
  @ApiProperty({ example: '奶奶' }) @Transform(trim) @IsString({ message: '关系必须是文字' }) @IsNotEmpty({ message: '请填写与孩子的关系' }) @MaxLength(20, { message: '关系最多 20 个字' }) relation!: string;
}

export class AttendanceDto {
  @ApiProperty() @IsUUID('all', { message: '请选择孩子' }) childId!: string;
  @ApiPropertyOptional({ description: '签退时：接孩子的人（须在授权名单内）' }) @IsOptional() @IsUUID('all', { message: '接送人无效' }) pickupPersonId?: string;
}


export class LocationQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @Min(-90, { message: '纬度无效' }) @Max(90, { message: '纬度无效' }) lat?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @Min(-180, { message: '经度无效' }) @Max(180, { message: '经度无效' }) lng?: number;
}

export class RosterQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ message: '日期应为 YYYY-MM-DD' }) date?: string;
}

export class MonthParamDto {
  @ApiProperty({ example: '2026-12' }) @Matches(MONTH, { message: '月份应为 YYYY-MM' }) month!: string;
}

export class RegionQueryDto {
  @ApiProperty() @IsUUID('all', { message: '请选择地区' }) regionId!: string;
}

export class FactParamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: '轮候登记编号无效' }) entryId!: string;
  @ApiProperty({ example: 'multi_child', description: '优先事实编码' }) @Matches(/^[a-z_]{2,30}$/, { message: '优先事实为小写英文编码' }) fact!: string;
}
