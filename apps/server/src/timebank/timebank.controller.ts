import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, IsUUID, Max, Min } from 'class-validator';
import type { GiveHoursInput, RegisterVolunteerInput, TimebankRecipientView, TimebankView } from '@carecircle/shared';
import { CurrentUser } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { TimebankService } from './timebank.service.js';

class GiveHoursDto implements GiveHoursInput {
  @ApiProperty() @IsUUID('all', { message: '请选择家人' }) toUserId!: string;
  @ApiProperty({ example: 60 }) @IsInt({ message: '分钟数应为整数' }) @Min(1, { message: '至少 1 分钟' }) @Max(60_000, { message: '过大' }) minutes!: number;
}

class RegisterVolunteerDto implements RegisterVolunteerInput {
  @ApiProperty({ description: '服务的社区或街道' }) @IsUUID('all', { message: '请选择服务的社区' }) regionId!: string;
  @ApiProperty({ type: [String], example: ['visit', 'companionship'] })
  @IsArray({ message: '服务项目应为列表' })
  @ArrayMinSize(1, { message: '至少选择一项' })
  @ArrayUnique({ message: '有重复' })
  @IsString({ each: true, message: '服务项目应为文字编码' })
  skills!: string[];
  @ApiProperty({ example: 1962, description: '出生年份（志愿者须 18–75 周岁）' })
  @IsInt({ message: '出生年份应为四位数字，如 1962' })
  @Min(1900, { message: '出生年份应为四位数字，如 1962' })
  @Max(2100, { message: '出生年份应为四位数字，如 1962' })
  birthYear!: number;
}

class VolunteerResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty({ type: [String] }) skills!: string[];
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

class TimebankRecipientResponse implements TimebankRecipientView {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '老人本人（长辈版）' }) relation!: string;
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

  @Post('volunteer')
  @ApiOperation({ summary: '登记为时间银行志愿者（加入街道志愿者服务队，接探访、陪伴等轻服务）' })
  @ApiOkResponse({ type: VolunteerResponse })
  volunteer(@CurrentUser() user: Principal, @Body() dto: RegisterVolunteerDto) {
    return this.timebank.registerVolunteer(user, dto);
  }

  @Get('recipients')
  @ApiOperation({ summary: '可以转赠的人：同一家庭的成员，以及家中老人的长辈版账号' })
  @ApiOkResponse({ type: [TimebankRecipientResponse] })
  recipients(@CurrentUser() user: Principal): Promise<TimebankRecipientView[]> {
    return this.timebank.recipients(user);
  }

  @Post('give')
  @HttpCode(200)
  @ApiOperation({ summary: '把时间转赠给同一家庭的成员或家中老人的长辈版账号（如父母）' })
  @ApiOkResponse({ type: TimebankResponse })
  give(@CurrentUser() user: Principal, @Body() dto: GiveHoursDto): Promise<TimebankView> {
    return this.timebank.give(user, dto.toUserId, dto.minutes);
  }
}
