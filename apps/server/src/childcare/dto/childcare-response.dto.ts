import { CARE_TYPES, type AgeClass, type CareType, type EnrolmentStatus, type PriorityFactStatus, type PriorityFactView, type SettlementView, type WaitlistStatus } from '@carecircle/shared';
import { ApiProperty } from '@nestjs/swagger';
import { GeoPointDto } from '../../households/dto/elder.dto.js';
import { ClassPricesDto } from './childcare.dto.js';

export class ChildcareClassResponse {
  @ApiProperty() id!: string;
  @ApiProperty() centreId!: string;
  @ApiProperty({ enum: ['infant', 'toddler', 'preschool'] }) ageClass!: AgeClass;
  @ApiProperty({ example: '托小班' }) ageLabel!: string;
  @ApiProperty() name!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty() puhui!: boolean;
  @ApiProperty({ type: ClassPricesDto }) prices!: Partial<Record<CareType, number>>;
  @ApiProperty() dailyQuota!: number;
  @ApiProperty() enrolled!: number;
  @ApiProperty() free!: number;
  @ApiProperty() waitlist!: number;
}

export class ChildcareCentreResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: GeoPointDto }) location!: GeoPointDto;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty() licensedPlaces!: number;
  @ApiProperty({ example: '07:30', description: '开放时间（开始）' }) openTime!: string;
  @ApiProperty({ example: '18:00', description: '开放时间（结束）' }) closeTime!: string;
  @ApiProperty({ type: Number, nullable: true }) distanceMeters!: number | null;
  @ApiProperty() puhui!: boolean;
  @ApiProperty({ type: [ChildcareClassResponse] }) classes!: ChildcareClassResponse[];
}

export class EnrolmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() childId!: string;
  @ApiProperty() childName!: string;
  @ApiProperty() centreId!: string;
  @ApiProperty() centreName!: string;
  @ApiProperty() classId!: string;
  @ApiProperty() className!: string;
  @ApiProperty({ enum: CARE_TYPES }) careType!: CareType;
  @ApiProperty({ type: String, nullable: true }) startMonth!: string | null;
  @ApiProperty({ type: String, nullable: true }) date!: string | null;
  @ApiProperty({ type: String, nullable: true }) startTime!: string | null;
  @ApiProperty({ type: String, nullable: true }) endTime!: string | null;
  @ApiProperty({ enum: ['active', 'withdrawn'] }) status!: EnrolmentStatus;
  @ApiProperty() priceFen!: number;
  @ApiProperty() puhui!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PriorityFactResponse implements PriorityFactView {
  @ApiProperty({ example: 'multi_child' }) fact!: string;
  @ApiProperty({ example: '多孩家庭' }) label!: string;
  @ApiProperty({ example: 30 }) points!: number;
  @ApiProperty({ enum: ['pending', 'verified', 'rejected'] }) status!: PriorityFactStatus;
  @ApiProperty({ example: '待核验' }) statusLabel!: string;
  @ApiProperty({ type: String, nullable: true }) evidenceNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
}

export class WaitlistEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() childId!: string;
  @ApiProperty() childName!: string;
  @ApiProperty() classId!: string;
  @ApiProperty() className!: string;
  @ApiProperty() centreName!: string;
  @ApiProperty({ enum: CARE_TYPES }) careType!: CareType;
  @ApiProperty({ enum: ['waiting', 'offered', 'accepted', 'declined', 'expired', 'cancelled'] }) status!: WaitlistStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ type: Number, nullable: true, description: '当前排第几位' }) position!: number | null;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: () => [PriorityFactResponse], description: '申报的优先条件、证明与核验状态（只有已核验的计分）' }) facts!: PriorityFactResponse[];
  @ApiProperty({ example: '2026-12', description: '家长申请的入托月份' }) requestedMonth!: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-01', description: '确认后实际起始月份' }) startMonth!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '起始月份与申请不同时的原因' }) monthNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) offerExpiresAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class EnrolResultResponse {
  @ApiProperty({ type: EnrolmentResponse, nullable: true }) enrolment!: EnrolmentResponse | null;
  @ApiProperty({ type: WaitlistEntryResponse, nullable: true }) waitlist!: WaitlistEntryResponse | null;
}

export class PickupPersonResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() phoneMasked!: string;
  @ApiProperty() relation!: string;
}

export class RosterResponse {
  @ApiProperty() classId!: string;
  @ApiProperty() className!: string;
  @ApiProperty() date!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) children!: unknown[];
}

export class ChildcareFiguresResponse {
  @ApiProperty() regionId!: string;
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
  @ApiProperty() places!: number;
  @ApiProperty({ type: Number, nullable: true, description: '每千人口托位数' }) placesPerThousand!: number | null;
  @ApiProperty() puhuiPlaces!: number;
  @ApiProperty({ description: '普惠托位占比' }) puhuiShare!: number;
  @ApiProperty() enrolled!: number;
  @ApiProperty() occupancy!: number;
  @ApiProperty() waitlistLength!: number;
}

export class SettlementResponse implements SettlementView {
  @ApiProperty() month!: string;
  @ApiProperty() children!: number;
  @ApiProperty() totalFen!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) settledAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '结算人' }) settledBy!: string | null;
}

export class CentreWaitlistResponse extends WaitlistEntryResponse {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '轮候过程记录' }) log!: unknown[];
}
