import type { ConsentStateView, PrivacyPolicyView, RecordConsentInput } from '@carecircle/shared';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { CurrentUser, Public } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ConsentService } from './consent.service.js';
import { PRIVACY_POLICY } from './privacy-policy.js';

export class RecordConsentDto implements RecordConsentInput {
  @ApiProperty({ example: '2026-05', description: '同意的隐私政策版本（GET /privacy/policy 的 version）' })
  @IsString({ message: '请提供隐私政策版本' })
  @MaxLength(20, { message: '隐私政策版本最多 20 个字符' })
  version!: string;

  @ApiProperty({ enum: ['weapp', 'h5'], example: 'weapp' })
  @IsIn(['weapp', 'h5'], { message: '渠道只能是 weapp 或 h5' })
  channel!: 'weapp' | 'h5';
}

export class WithdrawConsentDto {
  @ApiProperty({ enum: ['weapp', 'h5'], example: 'weapp' })
  @IsIn(['weapp', 'h5'], { message: '渠道只能是 weapp 或 h5' })
  channel!: 'weapp' | 'h5';
}

class PolicySectionResponse {
  @ApiProperty() heading!: string;
  @ApiProperty() body!: string;
}

export class PrivacyPolicyResponse implements PrivacyPolicyView {
  @ApiProperty({ example: '2026-05' }) version!: string;
  @ApiProperty({ example: '2026-05-01' }) publishedOn!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [PolicySectionResponse] }) sections!: PolicySectionResponse[];
}

class ConsentHistoryResponse {
  @ApiProperty({ enum: ['consent', 'withdraw'] }) action!: 'consent' | 'withdraw';
  @ApiProperty({ example: '2026-05' }) version!: string;
  @ApiProperty({ example: 'weapp' }) channel!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ConsentStateResponse implements ConsentStateView {
  @ApiProperty({ example: '2026-05' }) currentVersion!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-05' }) consentedVersion!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) consentedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) withdrawnAt!: string | null;
  @ApiProperty({ description: '为 true 时不能下新订单，需要重新同意' }) required!: boolean;
  @ApiProperty({ type: [ConsentHistoryResponse] }) history!: ConsentHistoryResponse[];
}

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(private readonly consents: ConsentService) {}

  @Public()
  @Get('privacy/policy')
  @ApiOperation({ summary: '当前隐私政策（版本和内容）' })
  @ApiOkResponse({ type: PrivacyPolicyResponse })
  policy(): PrivacyPolicyResponse {
    return PRIVACY_POLICY;
  }

  @ApiBearerAuth()
  @Get('me/consent')
  @ApiOperation({ summary: '我对隐私政策的同意情况和历史' })
  @ApiOkResponse({ type: ConsentStateResponse })
  state(@CurrentUser() user: Principal): Promise<ConsentStateResponse> {
    return this.consents.state(user.userId);
  }

  @ApiBearerAuth()
  @Post('me/consent')
  @HttpCode(200)
  @ApiOperation({ summary: '同意当前版本的隐私政策（记录版本、时间、渠道）' })
  @ApiOkResponse({ type: ConsentStateResponse })
  consent(@CurrentUser() user: Principal, @Body() dto: RecordConsentDto): Promise<ConsentStateResponse> {
    return this.consents.consent(user.userId, dto);
  }

  @ApiBearerAuth()
  @Post('me/consent/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回同意：撤回后不能下新订单，直到重新同意' })
  @ApiOkResponse({ type: ConsentStateResponse })
  withdraw(@CurrentUser() user: Principal, @Body() dto: WithdrawConsentDto): Promise<ConsentStateResponse> {
    return this.consents.withdraw(user.userId, dto.channel);
  }
}
