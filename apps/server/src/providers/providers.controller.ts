import { Role } from '@carecircle/shared';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import {
  AddStaffDto,
  DutyDto,
  LocationDto,
  ProviderResponse,
  ProviderStatusDto,
  RegisterProviderDto,
  SetPriceDto,
  SetRecommendedDto,
  StaffMeResponse,
  StaffResponse,
} from './dto/provider.dto.js';
import { ProvidersService } from './providers.service.js';
import { StaffService } from './staff.service.js';

@ApiTags('providers')
@ApiBearerAuth()
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Post()
  @ApiOperation({ summary: '机构入驻登记（待街道审核）' })
  @ApiCreatedResponse({ type: ProviderResponse })
  register(@CurrentUser() user: Principal, @Body() dto: RegisterProviderDto): Promise<ProviderResponse> {
    return this.providers.register(user, dto);
  }

  @Get()
  @ApiOperation({ summary: '机构列表（运营看全部，机构管理员看自己的）' })
  @ApiOkResponse({ type: [ProviderResponse] })
  list(@CurrentUser() user: Principal): Promise<ProviderResponse[]> {
    return this.providers.list(user);
  }

  @Get(':providerId')
  @ApiOperation({ summary: '机构详情' })
  @ApiOkResponse({ type: ProviderResponse })
  get(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string): Promise<ProviderResponse> {
    return this.providers.get(user, providerId);
  }

  @Patch(':providerId/status')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '审核通过（列入推荐清单）或暂停机构（街道运营）', description: '信用分低于本地区门槛的机构恢复审核通过须写明原因（reason），否则 400' })
  @ApiOkResponse({ type: ProviderResponse })
  setStatus(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string, @Body() dto: ProviderStatusDto): Promise<ProviderResponse> {
    return this.providers.setStatus(user, providerId, dto.status, dto.reason);
  }

  @Patch(':providerId/recommended')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '列入或移出推荐清单（须写明原因；街道运营）' })
  @ApiOkResponse({ type: ProviderResponse })
  setRecommended(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string, @Body() dto: SetRecommendedDto): Promise<ProviderResponse> {
    return this.providers.setRecommended(user, providerId, dto.recommended, dto.reason);
  }

  @Post(':providerId/staff')
  @ApiOperation({ summary: '添加服务人员（技能、证书、常驻位置）' })
  @ApiCreatedResponse({ type: StaffResponse })
  addStaff(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string, @Body() dto: AddStaffDto): Promise<StaffResponse> {
    return this.providers.addStaff(user, providerId, dto);
  }

  @Get(':providerId/staff')
  @ApiOperation({ summary: '机构的服务人员' })
  @ApiOkResponse({ type: [StaffResponse] })
  listStaff(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string): Promise<StaffResponse[]> {
    return this.providers.listStaff(user, providerId);
  }

  @Put(':providerId/prices')
  @HttpCode(204)
  @ApiOperation({ summary: '设置机构自定服务价格' })
  @ApiNoContentResponse()
  setPrice(@CurrentUser() user: Principal, @Param('providerId', ParseUuidPipe) providerId: string, @Body() dto: SetPriceDto): Promise<void> {
    return this.providers.setPrice(user, providerId, dto);
  }
}

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/me')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: '我的服务人员信息' })
  @ApiOkResponse({ type: StaffMeResponse })
  me(@CurrentUser() user: Principal): Promise<StaffMeResponse> {
    return this.staff.me(user);
  }

  @Put('duty')
  @ApiOperation({ summary: '上班 / 下班' })
  @ApiOkResponse({ type: StaffMeResponse })
  duty(@CurrentUser() user: Principal, @Body() dto: DutyDto): Promise<StaffMeResponse> {
    return this.staff.setDuty(user, dto.onDuty);
  }

  @Put('location')
  @HttpCode(204)
  @ApiOperation({ summary: '上报当前位置（在岗时约每 30 秒）' })
  @ApiNoContentResponse()
  location(@CurrentUser() user: Principal, @Body() dto: LocationDto): Promise<void> {
    return this.staff.reportLocation(user, dto.location.lat, dto.location.lng);
  }
}
