import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
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

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: '我的消息（最近 50 条）' })
  @ApiOkResponse({ type: [NotificationResponse] })
  listMine(@CurrentUser() user: Principal): Promise<NotificationView[]> {
    return this.notifications.listMine(user.userId);
  }
}
