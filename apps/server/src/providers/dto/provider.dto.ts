import {
  CERTIFICATE_TYPES,
  PROVIDER_KINDS,
  SERVICE_CODES,
  type AddStaffInput,
  type CertificateInput,
  type CertificateType,
  type DutyInput,
  type LocationInput,
  type ProviderKind,
  type ProviderStatus,
  type ProviderView,
  type RegisterProviderInput,
  type ServiceCode,
  type SetProviderStatusInput,
  type SetRecommendedInput,
  type StaffMeView,
  type StaffView,
} from '@carecircle/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GeoPointDto } from '../../households/dto/elder.dto.js';
import { IsCalendarDate, IsChineseMobile } from '../../common/validation/validators.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterProviderDto implements RegisterProviderInput {
  @ApiProperty({ enum: PROVIDER_KINDS })
  @IsIn(PROVIDER_KINDS, { message: `机构类型只能是 ${PROVIDER_KINDS.join('/')}` })
  kind!: ProviderKind;

  @ApiProperty({ example: '安康居家养老服务中心' })
  @Transform(trim)
  @IsString({ message: '机构名称必须是文字' })
  @IsNotEmpty({ message: '请填写机构名称' })
  @MaxLength(80, { message: '机构名称最多 80 个字' })
  name!: string;

  @ApiProperty({ example: 'JS-KS-YL-2023-0101' })
  @Transform(trim)
  @Matches(/^[A-Za-z0-9-]{4,64}$/, { message: '许可证/备案编号为 4–64 位字母、数字或短横线' })
  licenceNo!: string;

  @ApiProperty()
  @IsUUID('all', { message: '请选择所在街道/社区' })
  regionId!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString({ message: '地址必须是文字' })
  @IsNotEmpty({ message: '请填写机构地址' })
  @MaxLength(200, { message: '地址最多 200 个字' })
  address!: string;

  @ApiProperty({ type: GeoPointDto })
  @ValidateNested()
  @Type(() => GeoPointDto)
  @IsNotEmpty({ message: '请填写机构位置' })
  location!: GeoPointDto;

  @ApiProperty({ example: 3000, description: '服务半径（米）' })
  @IsInt({ message: '服务半径应为整数米' })
  @Min(500, { message: '服务半径至少 500 米' })
  @Max(20000, { message: '服务半径最多 20 公里' })
  serviceRadiusMeters!: number;

  @ApiPropertyOptional({ example: '0512-57001234' })
  @IsOptional()
  @Matches(/^[0-9-]{7,20}$/, { message: '联系电话格式不正确' })
  phone?: string;
}

export class CertificateDto implements CertificateInput {
  @ApiProperty({ enum: CERTIFICATE_TYPES })
  @IsIn(CERTIFICATE_TYPES, { message: `证书类型只能是 ${CERTIFICATE_TYPES.join('/')}` })
  type!: CertificateType;

  @ApiProperty({ example: 'YL-2024-001234' })
  @Transform(trim)
  @IsString({ message: '证书编号必须是文字' })
  @IsNotEmpty({ message: '请填写证书编号' })
  @MaxLength(64, { message: '证书编号最多 64 位' })
  number!: string;

  @ApiProperty({ example: '2027-12-31' })
  @IsCalendarDate({ message: '有效期应为 YYYY-MM-DD 格式的日期' })
  expiresOn!: string;
}

export class AddStaffDto implements AddStaffInput {
  @ApiProperty({ example: '周秀梅' })
  @Transform(trim)
  @IsString({ message: '姓名必须是文字' })
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(40, { message: '姓名最多 40 个字' })
  name!: string;

  @ApiProperty({ example: '13712345678' })
  @IsChineseMobile({ message: '手机号应为 11 位手机号码' })
  phone!: string;

  @ApiProperty({ enum: SERVICE_CODES, isArray: true })
  @IsArray({ message: '技能应为列表' })
  @ArrayMinSize(1, { message: '至少选择一项技能' })
  @ArrayUnique({ message: '技能有重复' })
  @IsIn(SERVICE_CODES, { each: true, message: '技能只能是服务目录中的项目' })
  skills!: ServiceCode[];

  @ApiProperty({ type: [CertificateDto] })
  @IsArray({ message: '证书应为列表' })
  @ArrayMaxSize(10, { message: '证书最多 10 张' })
  @ValidateNested({ each: true })
  @Type(() => CertificateDto)
  certificates!: CertificateDto[];

  @ApiProperty({ type: GeoPointDto, description: '常驻位置' })
  @ValidateNested()
  @Type(() => GeoPointDto)
  @IsNotEmpty({ message: '请填写常驻位置' })
  home!: GeoPointDto;

  @ApiProperty({ example: 2 })
  @IsInt({ message: '同时接单数应为整数' })
  @Min(1, { message: '同时接单数至少 1' })
  @Max(10, { message: '同时接单数最多 10' })
  maxConcurrentJobs!: number;

  @ApiPropertyOptional({ example: 'dev:周秀梅', description: '服务人员本人的登录（开发模式为 dev:<名字>）' })
  @IsOptional()
  @IsString({ message: '登录凭证必须是文字' })
  @MaxLength(64, { message: '登录凭证过长' })
  loginCode?: string;
}

export class SetPriceDto {
  @ApiProperty({ enum: SERVICE_CODES })
  @IsIn(SERVICE_CODES, { message: '请选择服务项目' })
  serviceCode!: ServiceCode;

  @ApiProperty({ example: 7500, description: '机构自定价格（分）' })
  @IsInt({ message: '价格应为整数（分）' })
  @Min(0, { message: '价格不能为负' })
  @Max(10_000_000, { message: '价格过高' })
  priceFen!: number;
}

export class DutyDto implements DutyInput {
  @ApiProperty()
  @IsBoolean({ message: 'onDuty 应为 true 或 false' })
  onDuty!: boolean;
}

export class LocationDto implements LocationInput {
  @ApiProperty({ type: GeoPointDto })
  @ValidateNested()
  @Type(() => GeoPointDto)
  @IsNotEmpty({ message: '缺少位置' })
  location!: GeoPointDto;
}

export class ProviderResponse implements ProviderView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: PROVIDER_KINDS }) kind!: ProviderKind;
  @ApiProperty() name!: string;
  @ApiProperty() licenceNo!: string;
  @ApiProperty() regionId!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: GeoPointDto }) location!: GeoPointDto;
  @ApiProperty() serviceRadiusMeters!: number;
  @ApiProperty({ enum: ['pending', 'approved', 'suspended'] }) status!: ProviderStatus;
  @ApiProperty({ description: '是否在推荐清单内（可接政府补贴订单）' }) recommended!: boolean;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

export class StaffResponse implements StaffView {
  @ApiProperty() id!: string;
  @ApiProperty() providerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phoneMasked!: string | null;
  @ApiProperty({ enum: SERVICE_CODES, isArray: true }) skills!: ServiceCode[];
  @ApiProperty({ type: [CertificateDto] }) certificates!: CertificateDto[];
  @ApiProperty({ type: GeoPointDto }) home!: GeoPointDto;
  @ApiProperty() maxConcurrentJobs!: number;
  @ApiProperty() ratingX100!: number;
  @ApiProperty() onDuty!: boolean;
}

export class StaffMeResponse implements StaffMeView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() providerId!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty({ enum: SERVICE_CODES, isArray: true }) skills!: ServiceCode[];
  @ApiProperty() onDuty!: boolean;
  @ApiProperty() maxConcurrentJobs!: number;
  @ApiProperty() activeJobs!: number;
  @ApiProperty() ratingX100!: number;
  @ApiProperty({ description: '地区要求岗前培训而本人尚未通过：通过前不会收到派单' }) preJobTrainingPending!: boolean;
}

export class SetRecommendedDto implements SetRecommendedInput {
  @ApiProperty({ description: 'true 列入推荐清单，false 移出' })
  @IsBoolean({ message: '请选择 列入 或 移出 推荐清单' })
  recommended!: boolean;

  @ApiProperty({ example: '年度等级评定为二星，暂停承接政府补贴订单' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: '原因必须是文字' })
  @IsNotEmpty({ message: '请写明原因' })
  @MaxLength(200, { message: '最多 200 个字' })
  reason!: string;
}

export class ProviderStatusDto implements SetProviderStatusInput {
  @ApiProperty({ enum: ['approved', 'suspended'] })
  @IsIn(['approved', 'suspended'], { message: '状态只能是 approved（通过）或 suspended（暂停）' })
  status!: 'approved' | 'suspended';

  @ApiPropertyOptional({ description: '机构信用分低于本地区门槛（政策 credit.suspendBelow）时，恢复审核通过必须写明原因；记入审计日志和备案变更记录', example: '已完成整改并通过复查' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: '原因必须是文字' })
  @MaxLength(200, { message: '最多 200 个字' })
  reason?: string;
}
