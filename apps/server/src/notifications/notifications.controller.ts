import { SUBSCRIBE_SCENE_NAMES, SUBSCRIBE_SCENES, type SubscribeScene, type SubscribeTemplatesView } from '@carecircle/shared';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { wechatConfig, type WechatConfig } from '../config/configuration.js';
import { CurrentUser } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { NotificationsService, type NotificationView } from './notifications.service.js';

class NotificationResponse implements NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class SubscribeQueryDto {
  @ApiProperty({ enum: SUBSCRIBE_SCENE_NAMES }) @IsIn(SUBSCRIBE_SCENE_NAMES, { message: `场景只能是 ${SUBSCRIBE_SCENE_NAMES.join('、')}` }) scene!: SubscribeScene;
}

class SubscribeTemplatesResponse implements SubscribeTemplatesView {
  @ApiProperty({ enum: SUBSCRIBE_SCENE_NAMES }) scene!: SubscribeScene;
  @ApiProperty({ type: [String] }) templateIds!: string[];
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(wechatConfig.KEY) private readonly wechat: WechatConfig,
  ) {}

  /** Which subscribe-message templates the mini-program asks the user for at this tap (wx.requestSubscribeMessage). */
  @Get('subscribe-templates')
  @ApiOperation({ summary: '订阅消息：某个场景要请用户授权的模板（最多 3 个）' })
  @ApiOkResponse({ type: SubscribeTemplatesResponse })
  subscribeTemplates(@Query() q: SubscribeQueryDto): SubscribeTemplatesResponse {
    const ids = SUBSCRIBE_SCENES[q.scene].map((topic) => this.wechat.subscribeTemplates[topic]).filter((id): id is string => Boolean(id));
    return { scene: q.scene, templateIds: [...new Set(ids)].slice(0, 3) };
  }

  @Get()
  @ApiOperation({ summary: '我的消息（最近 50 条）' })
  @ApiOkResponse({ type: [NotificationResponse] })
  listMine(@CurrentUser() user: Principal): Promise<NotificationView[]> {
    return this.notifications.listMine(user.userId);
  }
}
