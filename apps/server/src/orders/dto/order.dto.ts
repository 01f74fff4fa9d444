import {
  ORDER_STATUSES,
  SERVICE_CODES,
  type CancelOrderInput,
  type CheckInInput,
  type CheckOutInput,
  type CreateOrderInput,
  type OrderEventView,
  type OrderStatus,
  type OrderView,
  type RateOrderInput,
  type ServiceCode,
  type StaffBriefView,
} from '@carecircle/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GeoPointDto } from '../../households/dto/elder.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrderDto implements CreateOrderInput {
  @ApiProperty({ description: '为哪位老人下单' })
  @IsUUID('all', { message: '请选择为哪位老人下单' })
  elderId!: string;

  @ApiProperty({ enum: SERVICE_CODES })
  @IsIn(SERVICE_CODES, { message: '请选择服务项目' })
  serviceCode!: ServiceCode;

  @ApiPropertyOptional({ format: 'date-time', description: '预约开始时间；不填为尽快上门' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '预约开始时间格式不正确' })
  windowStart?: string;

  @ApiPropertyOptional({ format: 'date-time', description: '预约结束时间' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '预约结束时间格式不正确' })
  windowEnd?: string;

  @ApiPropertyOptional({ description: '服务地址；不填为老人家庭住址' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '地址必须是文字' })
  @IsNotEmpty({ message: '地址不能为空' })
  @MaxLength(200, { message: '地址最多 200 个字' })
  address?: string;

  @ApiPropertyOptional({ type: GeoPointDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto;

  @ApiPropertyOptional({ example: '老人行动不便，请敲门后稍等' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '备注必须是文字' })
  @MaxLength(500, { message: '备注最多 500 个字' })
  notes?: string;

  @ApiPropertyOptional({ example: 60, description: '用时间银行支付的分钟数（下单人自己的余额）' })
  @IsOptional()
  @IsInt({ message: '时间银行分钟数应为整数' })
  @Min(1, { message: '至少 1 分钟' })
  @Max(600, { message: '一次最多 600 分钟' })
  timebankMinutes?: number;
}

export class CancelOrderDto implements CancelOrderInput {
  @ApiProperty({ example: '老人临时外出' })
  @Transform(trim)
  @IsString({ message: '取消原因必须是文字' })
  @IsNotEmpty({ message: '请填写取消原因' })
  @MaxLength(200, { message: '取消原因最多 200 个字' })
  reason!: string;
}

export class RateOrderDto implements RateOrderInput {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: '评分应为 1–5 的整数' })
  @Min(1, { message: '评分至少 1 星' })
  @Max(5, { message: '评分最多 5 星' })
  stars!: number;

  @ApiProperty({ type: [String], example: ['准时', '耐心'] })
  @IsArray({ message: '标签应为列表' })
  @ArrayMaxSize(8, { message: '标签最多 8 个' })
  @IsString({ each: true, message: '标签必须是文字' })
  @MaxLength(10, { each: true, message: '每个标签最多 10 个字' })
  tags!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '评价必须是文字' })
  @MaxLength(500, { message: '评价最多 500 个字' })
  comment?: string;
}

export class CheckInDto implements CheckInInput {
  @ApiPropertyOptional({ type: GeoPointDto, description: '当前位置；无法定位时可不填，但须填写原因' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto;

  @ApiPropertyOptional({ description: '超出签到范围时的原因（如定位不准）' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '原因必须是文字' })
  @IsNotEmpty({ message: '原因不能为空' })
  @MaxLength(200, { message: '原因最多 200 个字' })
  overrideReason?: string;
}

export class VisitFormDto {
  @ApiProperty({ example: '精神状态良好，血压平稳' })
  @Transform(trim)
  @IsString({ message: '老人近况必须是文字' })
  @IsNotEmpty({ message: '请填写老人近况' })
  @MaxLength(300, { message: '最多 300 个字' })
  condition!: string;

  @ApiProperty({ type: [String], example: ['助浴'] })
  @IsArray({ message: '需求应为列表' })
  @ArrayMaxSize(10, { message: '最多 10 项' })
  @IsString({ each: true, message: '需求必须是文字' })
  @MaxLength(30, { each: true, message: '每项最多 30 个字' })
  needs!: string[];

  @ApiProperty()
  @IsBoolean({ message: 'followUp 应为 true 或 false' })
  followUp!: boolean;

  @ApiPropertyOptional({ example: '建议转介康复护理' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '跟进说明必须是文字' })
  @MaxLength(300, { message: '最多 300 个字' })
  followUpNote?: string;
}

export class CheckOutDto implements CheckOutInput {
  @ApiProperty({ type: [String], example: ['清扫客厅', '整理衣物'] })
  @IsArray({ message: '服务内容应为列表' })
  @ArrayMaxSize(20, { message: '服务内容最多 20 项' })
  @IsString({ each: true, message: '服务内容必须是文字' })
  @IsNotEmpty({ each: true, message: '服务内容不能为空' })
  @MaxLength(50, { each: true, message: '每项服务内容最多 50 个字' })
  tasks!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '备注必须是文字' })
  @MaxLength(500, { message: '备注最多 500 个字' })
  notes?: string;

  @ApiPropertyOptional({ type: VisitFormDto, description: '探访关爱必填：老人近况、发现的需求、是否需要跟进' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VisitFormDto)
  visitForm?: VisitFormDto;

  @ApiPropertyOptional({ description: '实际服务时长不足预约时长的一定比例（政策 statement_checks.shortServiceShare，默认 0.5）时必填：为什么提前结束。填写后该服务记录即被标记，运营人员可见', example: '老人临时去医院复诊，提前结束' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '原因必须是文字' })
  @MaxLength(200, { message: '最多 200 个字' })
  shortReason?: string;
}

class PriceBreakdownResponse {
  @ApiProperty() priceFen!: number;
  @ApiProperty() subsidyFen!: number;
  @ApiProperty() payFen!: number;
  @ApiProperty() subsidyNote!: string;
}

class CertificateBrief {
  @ApiProperty() type!: string;
  @ApiProperty() label!: string;
  @ApiProperty() expiresOn!: string;
}

export class StaffBriefResponse implements StaffBriefView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty() ratingX100!: number;
  @ApiProperty({ type: [CertificateBrief] }) certificates!: StaffBriefView['certificates'];
  @ApiProperty({ type: String, nullable: true }) phoneMasked!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '机构服务电话（一键拨打）' }) providerPhone!: string | null;
  @ApiProperty({ type: String, nullable: true }) photoUrl!: string | null;
}

export class OrderEventResponse implements OrderEventView {
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty() label!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

class RatingResponse {
  @ApiProperty() stars!: number;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
}

class ServiceRecordResponse {
  @ApiProperty({ type: [String] }) tasks!: string[];
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ type: String, nullable: true, description: '服务时长明显短于预约（政策 statement_checks.shortServiceShare）时签退填写的原因；有值即已标记待运营核查' }) shortReason!: string | null;
}

class ConsentResponse {
  @ApiProperty({ enum: ['confirm', 'refuse'] }) decision!: 'confirm' | 'refuse';
  @ApiProperty({ enum: ['elder', 'timeout'] }) source!: 'elder' | 'timeout';
  @ApiProperty({ type: String, nullable: true }) device!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ElderDecisionDto {
  @ApiProperty({ enum: ['confirm', 'refuse'] })
  @IsIn(['confirm', 'refuse'], { message: '请选择 确认 或 不需要' })
  decision!: 'confirm' | 'refuse';

  @ApiPropertyOptional({ example: 'iPhone 12 / 微信 8.0' })
  @IsOptional()
  @IsString({ message: '设备信息必须是文字' })
  @MaxLength(120, { message: '设备信息过长' })
  device?: string;
}

export class OrderResponse implements OrderView {
  @ApiProperty() id!: string;
  @ApiProperty() householdId!: string;
  @ApiProperty() elderId!: string;
  @ApiProperty() elderName!: string;
  @ApiProperty({ enum: SERVICE_CODES }) serviceCode!: ServiceCode;
  @ApiProperty() serviceName!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() urgent!: boolean;
  @ApiProperty() asap!: boolean;
  @ApiProperty({ type: String, nullable: true }) windowStart!: string | null;
  @ApiProperty({ type: String, nullable: true }) windowEnd!: string | null;
  @ApiProperty() address!: string;
  @ApiProperty({ type: GeoPointDto }) location!: GeoPointDto;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: PriceBreakdownResponse }) price!: PriceBreakdownResponse;
  @ApiProperty() cancelFeeFen!: number;
  @ApiProperty({ type: StaffBriefResponse, nullable: true }) staff!: StaffBriefResponse | null;
  @ApiProperty({ type: Number, nullable: true }) staffDistanceMeters!: number | null;
  @ApiProperty({ type: [OrderEventResponse] }) events!: OrderEventResponse[];
  @ApiProperty({ type: RatingResponse, nullable: true }) rating!: RatingResponse | null;
  @ApiProperty({ type: ServiceRecordResponse, nullable: true }) serviceRecord!: ServiceRecordResponse | null;
  @ApiProperty({ type: ConsentResponse, nullable: true, description: '老人对代下单的确认记录' }) consent!: ConsentResponse | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) elderConfirmDeadline!: string | null;
  @ApiProperty({ description: '使用的时间银行分钟数' }) timebankMinutes!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class StreamTicketResponse {
  @ApiProperty({ description: '一次性凭证，作为 ?ticket= 打开 /api/orders/:orderId/stream' }) ticket!: string;
  @ApiProperty({ example: 60 }) expiresInSeconds!: number;
}
