import { POLICY_KIND_CODES, type RegionLevel, type RegionPolicyView, type RegionView } from '@carecircle/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsObject, IsOptional, IsString, Matches } from 'class-validator';
import { GeoPointDto } from '../../households/dto/elder.dto.js';

export class RegionResponse implements RegionView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['district', 'street', 'community'] }) level!: RegionLevel;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ type: GeoPointDto }) center!: GeoPointDto;
}

export class RegionPolicyResponse implements RegionPolicyView {
  @ApiProperty() id!: string;
  @ApiProperty() regionId!: string;
  @ApiProperty({ example: 'subsidy' }) kind!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) rules!: unknown;
}

export class PolicyQueryDto {
  @ApiPropertyOptional({ example: 'subsidy', description: '只看这一类政策' })
  @IsOptional()
  @Matches(/^[a-z][a-z_]{1,39}$/, { message: '政策类型为小写英文和下划线，如 subsidy' })
  kind?: string;
}

export class CreateRegionPolicyDto {
  @ApiProperty({ example: 'basic_service_list', enum: POLICY_KIND_CODES, description: '政策类型（POLICY_KINDS）：basic_service_list 基本养老服务清单、kpi_targets 指标目标…；其他类型会被拒绝' })
  @IsString({ message: '政策类型必须是文字' })
  @Matches(/^[a-z][a-z_]{1,39}$/, { message: '政策类型为小写英文和下划线，如 subsidy' })
  kind!: string;

  @ApiProperty({ format: 'date-time', description: '生效时间；此前的订单仍按旧版本计价' })
  @IsISO8601({ strict: true }, { message: '生效时间应为 ISO 8601 时间，如 2027-01-01T00:00:00+08:00' })
  effectiveFrom!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '规则内容（JSON）' })
  @IsObject({ message: '规则内容应为 JSON 对象' })
  rules!: Record<string, unknown>;
}
