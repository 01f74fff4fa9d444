import { CERTIFICATE_TYPES, SERVICE_CODES, type CertificateType, type QuoteView, type ServiceCode, type ServiceTypeView } from '@carecircle/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';

export class ServiceTypeResponse implements ServiceTypeView {
  @ApiProperty({ enum: SERVICE_CODES }) code!: ServiceCode;
  @ApiProperty({ example: '助洁' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ description: '基础价格（分）' }) basePriceFen!: number;
  @ApiProperty({ enum: SERVICE_CODES }) requiredSkill!: ServiceCode;
  @ApiProperty({ enum: CERTIFICATE_TYPES, nullable: true }) requiredCertificate!: CertificateType | null;
  @ApiProperty({ description: '紧急服务：同时派给附近所有人' }) urgent!: boolean;
}

export class QuoteQueryDto {
  @ApiProperty()
  @IsUUID('all', { message: '请选择为哪位老人下单' })
  elderId!: string;

  @ApiProperty({ enum: SERVICE_CODES })
  @IsIn(SERVICE_CODES, { message: '请选择服务项目' })
  serviceCode!: ServiceCode;
}

export class QuoteResponse implements QuoteView {
  @ApiProperty({ enum: SERVICE_CODES }) serviceCode!: ServiceCode;
  @ApiProperty() elderId!: string;
  @ApiProperty({ description: '价格（分）' }) priceFen!: number;
  @ApiProperty({ description: '政府补贴（分）' }) subsidyFen!: number;
  @ApiProperty({ description: '实付（分）' }) payFen!: number;
  @ApiProperty() subsidyNote!: string;
  @ApiProperty({ type: Number, nullable: true }) policyVersion!: number | null;
}
