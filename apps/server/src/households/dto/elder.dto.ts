import {
  DIETARY_NEEDS,
  LIVING_SITUATIONS,
  SUBSIDY_CATEGORIES,
  type ChildView,
  type CreateChildInput,
  type CreateElderInput,
  type DietaryNeed,
  type ElderListItemView,
  type ElderView,
  type EmergencyContact,
  type GeoPoint,
  type LivingSituation,
  type PhoneRevealView,
  type SubsidyCategory,
  type SubsidyVerification,
} from '@carecircle/shared';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsChineseIdNumber, IsChineseMobile } from '../../common/validation/validators.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const blankToNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return t === '' ? null : t;
};
const upperTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class GeoPointDto implements GeoPoint {
  @ApiProperty({ example: 31.3852, description: '纬度（GCJ-02）' })
  @IsLatitude({ message: '纬度应在 -90 到 90 之间' })
  lat!: number;

  @ApiProperty({ example: 120.9812, description: '经度（GCJ-02）' })
  @IsLongitude({ message: '经度应在 -180 到 180 之间' })
  lng!: number;
}

export class EmergencyContactDto implements EmergencyContact {
  @ApiProperty({ example: '王芳' })
  @Transform(trim)
  @IsString({ message: '紧急联系人姓名必须是文字' })
  @IsNotEmpty({ message: '请填写紧急联系人姓名' })
  @MaxLength(40, { message: '紧急联系人姓名最多 40 个字' })
  name!: string;

  @ApiProperty({ example: '13800138000' })
  @Transform(trim)
  @IsChineseMobile({ message: '紧急联系人手机号应为 11 位手机号码' })
  phone!: string;

  @ApiProperty({ example: '女儿' })
  @Transform(trim)
  @IsString({ message: '关系必须是文字' })
  @IsNotEmpty({ message: '请填写与老人的关系' })
  @MaxLength(20, { message: '关系最多 20 个字' })
  relation!: string;
}

export class CreateElderDto implements CreateElderInput {
  @ApiProperty({ example: '王建国' })
  @Transform(trim)
  @IsString({ message: '姓名必须是文字' })
  @IsNotEmpty({ message: '请填写老人姓名' })
  @MaxLength(40, { message: '姓名最多 40 个字' })
  name!: string;

  @ApiProperty({ example: '320583194805121231', description: '18 位身份证号（GB 11643：出生日期有效、校验位正确），加密保存，仅显示脱敏' })
  @Transform(upperTrim)
  @IsChineseIdNumber({ message: '身份证号无效：应为 18 位，且出生日期和校验位正确' })
  idNumber!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '13912345678' })
  @IsOptional()
  @Transform(blankToNull)
  @IsChineseMobile({ message: '手机号应为 11 位手机号码' })
  phone?: string | null;

  @ApiProperty({ example: '昆山市玉山镇人民路 188 号 3 幢 201 室' })
  @Transform(trim)
  @IsString({ message: '地址必须是文字' })
  @IsNotEmpty({ message: '请填写地址' })
  @MaxLength(200, { message: '地址最多 200 个字' })
  address!: string;

  @ApiProperty({ type: GeoPointDto })
  @ValidateNested()
  @Type(() => GeoPointDto)
  @IsNotEmpty({ message: '请在地图上选择位置或填写经纬度' })
  location!: GeoPointDto;

  @ApiPropertyOptional({ description: '所在社区' })
  @IsOptional()
  @IsUUID('all', { message: '所在社区无效' })
  regionId?: string;

  @ApiProperty({ type: [EmergencyContactDto] })
  @IsArray({ message: '紧急联系人应为列表' })
  @ArrayMaxSize(5, { message: '紧急联系人最多 5 位' })
  @ValidateNested({ each: true })
  @Type(() => EmergencyContactDto)
  emergencyContacts!: EmergencyContactDto[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '高血压，每日服药', description: '健康备注，加密保存' })
  @IsOptional()
  @Transform(blankToNull)
  @IsString({ message: '健康备注必须是文字' })
  @MaxLength(500, { message: '健康备注最多 500 个字' })
  healthNotes?: string | null;

  @ApiProperty({ enum: DIETARY_NEEDS, isArray: true })
  @IsArray({ message: '饮食需求应为列表' })
  @ArrayUnique({ message: '饮食需求有重复' })
  @IsIn(DIETARY_NEEDS, { each: true, message: `饮食需求只能是 ${DIETARY_NEEDS.join('/')}` })
  dietaryNeeds!: DietaryNeed[];

  @ApiProperty({ enum: LIVING_SITUATIONS })
  @IsIn(LIVING_SITUATIONS, { message: `居住情况只能是 ${LIVING_SITUATIONS.join('/')}` })
  livingSituation!: LivingSituation;

  @ApiProperty({ enum: SUBSIDY_CATEGORIES, description: '申报的补贴类别，街道核验后生效' })
  @IsIn(SUBSIDY_CATEGORIES, { message: `补贴类别只能是 ${SUBSIDY_CATEGORIES.join('/')}` })
  subsidyCategory!: SubsidyCategory;
}

export class UpdateElderDto extends PartialType(CreateElderDto) {}

export class ElderListItemResponse implements ElderListItemView {
  @ApiProperty() id!: string;
  @ApiProperty() householdId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['male', 'female'] }) gender!: 'male' | 'female';
  @ApiProperty({ description: '今年 N 岁（按出生年份，元旦才变，不透露生日）' }) age!: number;
  @ApiProperty({ type: String, nullable: true, example: '139****5678' }) phoneMasked!: string | null;
  @ApiProperty() address!: string;
  @ApiProperty({ enum: LIVING_SITUATIONS }) livingSituation!: LivingSituation;
  @ApiProperty({ enum: SUBSIDY_CATEGORIES }) subsidyCategory!: SubsidyCategory;
  @ApiProperty({ enum: ['unverified', 'verified', 'rejected'] }) subsidyVerification!: SubsidyVerification;
}

export class ElderResponse extends ElderListItemResponse implements ElderView {
  @ApiProperty({ example: '3*****************', description: '只显示第 1 位' }) idNumberMasked!: string;
  @ApiProperty({ type: GeoPointDto }) location!: GeoPointDto;
  @ApiProperty({ type: String, nullable: true }) regionId!: string | null;
  @ApiProperty({ type: [EmergencyContactDto] }) emergencyContacts!: EmergencyContactDto[];
  @ApiProperty({ type: String, nullable: true }) healthNotes!: string | null;
  @ApiProperty({ enum: DIETARY_NEEDS, isArray: true }) dietaryNeeds!: DietaryNeed[];
  @ApiProperty({ type: 'object', properties: { confirmOrders: { type: 'boolean' }, timeoutMinutes: { type: 'integer' }, onTimeout: { type: 'string', enum: ['proceed', 'cancel'] } } })
  confirmation!: ElderView['confirmation'];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreateChildDto implements CreateChildInput {
  @ApiProperty({ example: '李小宝' })
  @Transform(trim)
  @IsString({ message: '姓名必须是文字' })
  @IsNotEmpty({ message: '请填写孩子姓名' })
  @MaxLength(40, { message: '姓名最多 40 个字' })
  name!: string;

  @ApiProperty({ example: '2025-03-18' })
  @IsCalendarDate({ message: '出生日期应为 YYYY-MM-DD 格式的有效日期' })
  birthDate!: string;

  @ApiPropertyOptional({ description: '18 位身份证号，加密保存' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && value.trim() === '' ? null : upperTrim({ value })))
  @IsChineseIdNumber({ message: '身份证号无效：应为 18 位，且出生日期和校验位正确' })
  idNumber?: string | null;
}

export class UpdateChildDto extends PartialType(CreateChildDto) {}

export class ChildResponse implements ChildView {
  @ApiProperty() id!: string;
  @ApiProperty() householdId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2025-03-18' }) birthDate!: string;
  @ApiProperty({ description: '周岁月龄' }) ageMonths!: number;
  @ApiProperty({ type: String, nullable: true, example: '3*****************' }) idNumberMasked!: string | null;
}

export class PhoneRevealResponse implements PhoneRevealView {
  @ApiProperty() elderId!: string;
  @ApiProperty({ type: String, nullable: true, example: '13912345678' }) phone!: string | null;
}
