import { ErrorCode } from '@carecircle/shared';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RateLimit } from '../common/redis/rate-limit.guard.js';
import { AuthService } from './auth.service.js';
import { AuthTokensResponse, DevLoginResponse, MeResponse, RefreshDto, WechatLoginDto } from './dto/auth.dto.js';
import { WechatClient } from './wechat/wechat-client.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly wechat: WechatClient,
  ) {}

  @Public()
  @RateLimit('auth')
  @Post('auth/wechat')
  @HttpCode(200)
  @ApiOperation({ summary: '微信登录：用 wx.login 的 code 换取令牌' })
  @ApiOkResponse({ type: AuthTokensResponse })
  login(@Body() dto: WechatLoginDto): Promise<AuthTokensResponse> {
    return this.auth.loginWithWechat(dto.code);
  }

  @Public()
  @RateLimit('auth')
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: '用 refreshToken 换新令牌（旧的随即作废）' })
  @ApiOkResponse({ type: AuthTokensResponse })
  refresh(@Body() dto: RefreshDto): Promise<AuthTokensResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录：作废 refreshToken' })
  @ApiNoContentResponse()
  logout(@CurrentUser() user: Principal, @Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(user.userId, dto.refreshToken);
  }

  @Public()
  @Get('auth/dev-logins')
  @ApiOperation({ summary: '开发模式的演示账号（仅 WECHAT_MODE=dev）' })
  @ApiOkResponse({ type: [DevLoginResponse] })
  devLogins(): Promise<DevLoginResponse[]> {
    if (this.wechat.mode !== 'dev') throw new DomainError(ErrorCode.ROUTE_NOT_FOUND, '没有这个接口：GET /api/auth/dev-logins');
    return this.auth.devLogins();
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiTags('me')
  @ApiOperation({ summary: '当前登录用户' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() user: Principal): Promise<MeResponse> {
    return this.auth.me(user.userId);
  }
}
