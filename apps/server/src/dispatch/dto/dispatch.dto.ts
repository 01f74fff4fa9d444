import { OFFER_STATUS_LABELS, ORDER_STATUSES, SERVICE_CODES, type AssignOrderInput, type DispatchCandidateView, type DispatchOfferOutcomeView, type DispatchRoundView, type OfferStatus, type DispatchSkipView, type JobView, type OfferView, type OrderStatus, type ServiceCode } from '@carecircle/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { GeoPointDto } from '../../households/dto/elder.dto.js';

export class JobResponse implements JobView {
  @ApiProperty() orderId!: string;
  @ApiProperty({ enum: SERVICE_CODES }) serviceCode!: ServiceCode;
  @ApiProperty() serviceName!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() urgent!: boolean;
  @ApiProperty() elderName!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: GeoPointDto }) location!: GeoPointDto;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) windowStart!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) windowEnd!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty() durationMinutes!: number;
}

export class OfferResponse implements OfferView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['offered', 'accepted', 'declined', 'expired', 'withdrawn'] }) status!: OfferView['status'];
  @ApiProperty({ format: 'date-time', description: '接单截止时间' }) expiresAt!: string;
  @ApiProperty() distanceMeters!: number;
  @ApiProperty({ type: JobResponse }) job!: JobResponse;
}

class CandidateComponents {
  @ApiProperty() distance!: number;
  @ApiProperty() rating!: number;
  @ApiProperty() load!: number;
  @ApiProperty() fairness!: number;
}

export class DispatchCandidateResponse implements DispatchCandidateView {
  @ApiProperty() staffId!: string;
  @ApiProperty() staffName!: string;
  @ApiProperty() distanceMeters!: number;
  @ApiProperty() score!: number;
  @ApiProperty({ type: CandidateComponents }) components!: CandidateComponents;
}

export class DispatchSkipResponse implements DispatchSkipView {
  @ApiProperty() staffId!: string;
  @ApiProperty() staffName!: string;
  @ApiProperty({ example: '接单已满（2/2）' }) reason!: string;
  @ApiProperty({ description: '具备所需技能和证书、已完成岗前培训（可人工指派）' }) qualified!: boolean;
}

export class DispatchRoundResponse implements DispatchRoundView {
  @ApiProperty() roundNo!: number;
  @ApiProperty() radiusMeters!: number;
  @ApiProperty({ type: [DispatchCandidateResponse] }) candidates!: DispatchCandidateResponse[];
  @ApiProperty({ type: [DispatchSkipResponse] }) skipped!: DispatchSkipResponse[];
  @ApiProperty({ type: [String] }) offeredTo!: string[];
  @ApiProperty({ type: () => [DispatchOfferOutcomeResponse] }) offers!: DispatchOfferOutcomeResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DispatchOfferOutcomeResponse implements DispatchOfferOutcomeView {
  @ApiProperty() staffId!: string;
  @ApiProperty() staffName!: string;
  @ApiProperty({ enum: Object.keys(OFFER_STATUS_LABELS) }) status!: OfferStatus;
  @ApiProperty({ example: '超时未响应' }) statusLabel!: string;
  @ApiProperty({ format: 'date-time' }) offeredAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) respondedAt!: string | null;
}

export class AssignOrderDto implements AssignOrderInput {
  @ApiProperty()
  @IsUUID('all', { message: '请选择要指派的服务人员' })
  staffId!: string;
}
