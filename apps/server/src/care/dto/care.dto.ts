import type { AssessmentInput, ClaimElderLoginInput, ConfirmationSettingsInput, RaiseSosInput } from '@carecircle/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/validators.js';
import { GeoPointDto } from '../../households/dto/elder.dto.js';

export class ClaimElderLoginDto implements ClaimElderLoginInput {
  @ApiProperty({ example: 'K7P2QX8M' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9]{6,12}$/, { message: '绑定码为 6–12 位字母或数字' })
  code!: string;
}

export class ConfirmationSettingsDto implements ConfirmationSettingsInput {
  @ApiProperty() @IsBoolean({ message: 'confirmOrders 应为 true 或 false' }) confirmOrders!: boolean;
  @ApiProperty({ example: 30 }) @IsInt({ message: '等待时长应为整数分钟' }) @Min(5, { message: '至少 5 分钟' }) @Max(1440, { message: '最多 24 小时' }) timeoutMinutes!: number;
  @ApiProperty({ enum: ['proceed', 'cancel'] }) @IsIn(['proceed', 'cancel'], { message: '超时处理只能是 proceed（照常下单）或 cancel（取消）' }) onTimeout!: 'proceed' | 'cancel';
}

export class RaiseSosDto implements RaiseSosInput {
  @ApiPropertyOptional({ description: '为哪位老人呼叫（老人本人登录时可省略）' }) @IsOptional() @IsUUID('all', { message: '老人编号无效' }) elderId?: string;
  @ApiPropertyOptional({ type: GeoPointDto, description: '当前位置（无则用家庭住址）' }) @IsOptional() @ValidateNested() @Type(() => GeoPointDto) location?: GeoPointDto;
  @ApiPropertyOptional({ description: '演练模式' }) @IsOptional() @IsBoolean({ message: 'drill 应为 true 或 false' }) drill?: boolean;
}

export class AssessmentDto implements AssessmentInput {
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate({ message: '评估日期应为 YYYY-MM-DD' }) assessedOn!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: '各评估项目得分（GB/T 42195-2022）' })
  @IsObject({ message: '评估项目应为对象' })
  items!: Record<string, number>;
}

export class VisitMonthQueryDto {
  @ApiProperty() @IsUUID('all', { message: '请选择街道或社区' }) regionId!: string;
  @ApiPropertyOptional({ example: '2026-11' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份应为 YYYY-MM' }) month?: string;
}
