import type { AccountDeletionView, DeleteAccountInput, PersonalDataExportView } from '@carecircle/shared';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Equals } from 'class-validator';
import { CurrentUser } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { RateLimit } from '../common/redis/rate-limit.guard.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { PhoneRevealResponse } from '../households/dto/elder.dto.js';
import { PersonalDataService } from './personal-data.service.js';

export class DeleteAccountDto implements DeleteAccountInput {
  @ApiProperty({ example: '注销', description: '输入「注销」二字确认' })
  @Equals('注销', { message: '请输入「注销」二字确认注销账号' })
  confirm!: string;
}

class KeptResponse {
  @ApiProperty() what!: string;
  @ApiProperty() why!: string;
}

export class AccountDeletionResponse implements AccountDeletionView {
  @ApiProperty({ format: 'date-time' }) deletedAt!: string;
  @ApiProperty({ type: [String] }) deleted!: string[];
  @ApiProperty({ type: [KeptResponse] }) kept!: KeptResponse[];
}

export class PersonalDataExportResponse implements PersonalDataExportView {
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) user!: PersonalDataExportView['user'];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) households!: PersonalDataExportView['households'];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) orders!: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) mealBookings!: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) childcareBookings!: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) consents!: PersonalDataExportView['consents'];
  @ApiProperty({ type: 'object', additionalProperties: true }) timebank!: PersonalDataExportView['timebank'];
}

@ApiTags('privacy')
@ApiBearerAuth()
@Controller()
export class PersonalDataController {
  constructor(private readonly data: PersonalDataService) {}

  @Post('elders/:elderId/phone-reveal')
  @HttpCode(200)
  @ApiOperation({ summary: '查看老人完整手机号（家人、老人本人，或正在服务该老人的服务人员；每次记录审计）' })
  @ApiOkResponse({ type: PhoneRevealResponse })
  revealPhone(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string): Promise<PhoneRevealResponse> {
    return this.data.revealPhone(user, elderId);
  }

  @Get('me/export')
  @RateLimit('export')
  @ApiOperation({ summary: '导出我的全部个人数据（个人信息保护法第 45 条；每小时 3 次，记录审计）' })
  @ApiOkResponse({ type: PersonalDataExportResponse })
  export(@CurrentUser() user: Principal): Promise<PersonalDataExportResponse> {
    return this.data.export(user);
  }

  @Post('me/delete')
  @HttpCode(200)
  @ApiOperation({ summary: '注销账号（个人信息保护法第 47 条）：删除或匿名化个人数据，说明为结算保留的记录' })
  @ApiOkResponse({ type: AccountDeletionResponse })
  delete(@CurrentUser() user: Principal, @Body() dto: DeleteAccountDto): Promise<AccountDeletionResponse> {
    void dto;
    return this.data.deleteAccount(user);
  }
}
