import type { AuthTokensView, DevLoginView, MeView, RefreshInput, Role, WechatLoginInput } from '@carecircle/shared';
import { ROLES } from '@carecircle/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class WechatLoginDto implements WechatLoginInput {
  @ApiProperty({ description: 'wx.login() 得到的 code；开发模式下为 dev:<名字>', example: 'dev:王芳' })
  @IsString({ message: '登录凭证必须是字符串' })
  @IsNotEmpty({ message: '缺少登录凭证 code' })
  @MaxLength(128, { message: '登录凭证过长' })
  code!: string;
}

export class RefreshDto implements RefreshInput {
  @ApiProperty({ description: '登录时得到的 refreshToken' })
  @IsString({ message: 'refreshToken 必须是字符串' })
  @IsNotEmpty({ message: '缺少 refreshToken' })
  @MaxLength(200, { message: 'refreshToken 过长' })
  refreshToken!: string;
}

export class MeResponse implements MeView {
  @ApiProperty() id!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: [String] }) householdIds!: string[];
  @ApiProperty({ type: String, nullable: true }) elderId!: string | null;
}

export class AuthTokensResponse implements AuthTokensView {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: '访问令牌有效秒数' }) expiresIn!: number;
  @ApiProperty({ type: MeResponse }) user!: MeResponse;
}

export class DevLoginResponse implements DevLoginView {
  @ApiProperty({ example: 'dev:王芳' }) code!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() description!: string;
}
