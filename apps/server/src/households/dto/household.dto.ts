import type {
  CreateHouseholdInput,
  HouseholdMemberRole,
  HouseholdMemberView,
  HouseholdSummaryView,
  HouseholdView,
  InviteView,
  JoinHouseholdInput,
} from '@carecircle/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ChildResponse, ElderListItemResponse } from './elder.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateHouseholdDto implements CreateHouseholdInput {
  @ApiProperty({ example: '王家', maxLength: 40 })
  @Transform(trim)
  @IsString({ message: '家庭名称必须是文字' })
  @IsNotEmpty({ message: '请填写家庭名称' })
  @MaxLength(40, { message: '家庭名称最多 40 个字' })
  name!: string;

  @ApiPropertyOptional({ description: '所在街道/社区' })
  @IsOptional()
  @IsUUID('all', { message: '所在社区无效' })
  regionId?: string;
}

export class JoinHouseholdDto implements JoinHouseholdInput {
  @ApiProperty({ example: 'K7P2QX', description: '家人分享的邀请码' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString({ message: '邀请码必须是文字' })
  @Matches(/^[A-Z0-9]{6,12}$/, { message: '邀请码为 6–12 位字母或数字' })
  code!: string;
}

export class HouseholdMemberResponse implements HouseholdMemberView {
  @ApiProperty() userId!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty({ enum: ['owner', 'member'] }) role!: HouseholdMemberRole;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

export class HouseholdSummaryResponse implements HouseholdSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) regionId!: string | null;
  @ApiProperty({ enum: ['owner', 'member'] }) myRole!: HouseholdMemberRole;
  @ApiProperty() elderCount!: number;
  @ApiProperty() childCount!: number;
}

export class HouseholdResponse implements HouseholdView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) regionId!: string | null;
  @ApiProperty({ enum: ['owner', 'member'] }) myRole!: HouseholdMemberRole;
  @ApiProperty({ type: [HouseholdMemberResponse] }) members!: HouseholdMemberResponse[];
  @ApiProperty({ type: [ElderListItemResponse] }) elders!: ElderListItemResponse[];
  @ApiProperty({ type: [ChildResponse] }) children!: ChildResponse[];
}

export class InviteResponse implements InviteView {
  @ApiProperty({ example: 'K7P2QX' }) code!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
