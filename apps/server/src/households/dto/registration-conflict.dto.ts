import { ApiProperty } from '@nestjs/swagger';

export class ConflictRequestedSide {
  @ApiProperty() householdId!: string;
  @ApiProperty() householdName!: string;
  @ApiProperty({ nullable: true, type: String }) regionId!: string | null;
  @ApiProperty({ description: '家属填写的老人姓名' }) elderName!: string;
  @ApiProperty() byUserId!: string;
  @ApiProperty() byNickname!: string;
}

export class ConflictExistingSide {
  @ApiProperty() elderId!: string;
  @ApiProperty() elderName!: string;
  @ApiProperty({ nullable: true, type: String }) householdId!: string | null;
  @ApiProperty() householdName!: string;
  @ApiProperty({ nullable: true, type: String }) regionId!: string | null;
}

export class ElderRegistrationConflictResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty({ description: '同一家庭为同一老人提交的次数' }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastAttemptAt!: string;
  @ApiProperty({ type: ConflictRequestedSide, description: '新提交登记的家庭' }) requested!: ConflictRequestedSide;
  @ApiProperty({ type: ConflictExistingSide, description: '已登记该身份证号的老人' }) existing!: ConflictExistingSide;
}
