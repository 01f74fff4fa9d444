import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import type { GiveHoursInput, TimebankView } from '@carecircle/shared';
import { CurrentUser } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { TimebankService } from './timebank.service.js';

class GiveHoursDto implements GiveHoursInput {
  @ApiProperty() @IsUUID('all', { message: '请选择家庭成员' }) toUserId!: string;
  @ApiProperty({ example: 60 }) @IsInt({ message: '分钟数应为整数' }) @Min(1, { message: '至少 1 分钟' }) @Max(60_000, { message: '过大' }) minutes!: number;
}

class TimebankEntryResponse {
  @ApiProperty({ enum: ['earn', 'spend', 'give_out', 'give_in', 'refund'] }) kind!: string;
  @ApiProperty() minutes!: number;
  @ApiProperty({ type: String, nullable: true }) orderId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

class TimebankResponse implements TimebankView {
  @ApiProperty() userId!: string;
  @ApiProperty({ description: '余额（分钟）' }) balanceMinutes!: number;
  @ApiProperty({ type: [TimebankEntryResponse] }) entries!: TimebankView['entries'];
}

@ApiTags('timebank')
@ApiBearerAuth()
@Controller('timebank')
export class TimebankController {
  constructor(private readonly timebank: TimebankService) {}

  @Get('me')
  @ApiOperation({ summary: '我的时间银行：余额与明细' })
  @ApiOkResponse({ type: TimebankResponse })
  me(@CurrentUser() user: Principal): Promise<TimebankView> {
    return this.timebank.view(user.userId);
  }

  @Post('give')
  @HttpCode(200)
  @ApiOperation({ summary: '把时间转赠给同一家庭的成员（如父母）' })
  @ApiOkResponse({ type: TimebankResponse })
  give(@CurrentUser() user: Principal, @Body() dto: GiveHoursDto): Promise<TimebankView> {
    return this.timebank.give(user, dto.toUserId, dto.minutes);
  }
}
