import { Role } from '@carecircle/shared';
import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { ChildcareService } from './childcare.service.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import {
  CentreWaitlistResponse,
  ChildcareCentreResponse,
  ChildcareClassResponse,
  ChildcareFiguresResponse,
  EnrolmentResponse,
  EnrolResultResponse,
  PickupPersonResponse,
  RosterResponse,
  SettlementResponse,
  WaitlistEntryResponse,
} from './dto/childcare-response.dto.js';
import { AttendanceDto, CentreSettingsDto, ChildcareClassDto, EnrolDto, FactParamDto, LocationQueryDto, MonthParamDto, PickupPersonDto, PriorityFactDecisionDto, RegionQueryDto, RosterQueryDto } from './dto/childcare.dto.js';

@ApiTags('childcare')
@ApiBearerAuth()
@Controller()
export class ChildcareController {
  constructor(
    private readonly childcare: ChildcareService,
    private readonly scope: OperatorScope,
  ) {}

  @Get('childcare/centres')
  @ApiOperation({ summary: '托育机构（按距离排序）：各班空位、普惠、价格' })
  @ApiOkResponse({ type: [ChildcareCentreResponse] })
  centres(@Query() q: LocationQueryDto): Promise<ChildcareCentreResponse[]> {
    return this.childcare.centres(q.lat, q.lng);
  }

  @Put('childcare/centres/:centreId')
  @ApiOperation({ summary: '登记额定托位数与开放时间（机构）' })
  @ApiOkResponse({ type: ChildcareCentreResponse })
  settings(@CurrentUser() user: Principal, @Param('centreId', ParseUuidPipe) centreId: string, @Body() dto: CentreSettingsDto): Promise<ChildcareCentreResponse> {
    return this.childcare.updateSettings(user, centreId, dto);
  }

  @Post('childcare/centres/:centreId/classes')
  @ApiOperation({ summary: '开设班级（按年龄段，普惠价不高于指导价）' })
  @ApiCreatedResponse({ type: ChildcareClassResponse })
  addClass(@CurrentUser() user: Principal, @Param('centreId', ParseUuidPipe) centreId: string, @Body() dto: ChildcareClassDto): Promise<ChildcareClassResponse> {
    return this.childcare.addClass(user, centreId, dto);
  }

  @Post('childcare/enrolments')
  @ApiOperation({ summary: '预约托位：按月（全日/半日托）或按天（计时/临时托）；满员可加入轮候（需 Idempotency-Key）' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: EnrolResultResponse })
  async enrol(@CurrentUser() user: Principal, @Headers('idempotency-key') key: string | undefined, @Body() dto: EnrolDto, @Res({ passthrough: true }) res: Response): Promise<EnrolResultResponse> {
    const { result, replayed } = await this.childcare.enrol(user, key, dto);
    res.status(replayed ? 200 : 201);
    return result;
  }

  @Get('childcare/enrolments')
  @ApiOperation({ summary: '我家的托位' })
  @ApiOkResponse({ type: [EnrolmentResponse] })
  mine(@CurrentUser() user: Principal): Promise<EnrolmentResponse[]> {
    return this.childcare.myEnrolments(user);
  }

  @Post('childcare/enrolments/:enrolmentId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '退托（托位转给轮候第一位）' })
  @ApiOkResponse({ type: EnrolmentResponse })
  withdraw(@CurrentUser() user: Principal, @Param('enrolmentId', ParseUuidPipe) enrolmentId: string): Promise<EnrolmentResponse> {
    return this.childcare.withdraw(user, enrolmentId);
  }

  @Get('childcare/waitlist')
  @ApiOperation({ summary: '我家的轮候：排第几、为什么' })
  @ApiOkResponse({ type: [WaitlistEntryResponse] })
  waitlist(@CurrentUser() user: Principal): Promise<WaitlistEntryResponse[]> {
    return this.childcare.myWaitlist(user);
  }

  @Post('childcare/waitlist/:entryId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '确认为我保留的托位' })
  @ApiOkResponse({ type: EnrolmentResponse })
  accept(@CurrentUser() user: Principal, @Param('entryId', ParseUuidPipe) entryId: string): Promise<EnrolmentResponse> {
    return this.childcare.acceptOffer(user, entryId);
  }

  @Post('childcare/waitlist/:entryId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: '放弃保留的托位（转给下一位）' })
  @ApiOkResponse({ type: WaitlistEntryResponse })
  decline(@CurrentUser() user: Principal, @Param('entryId', ParseUuidPipe) entryId: string): Promise<WaitlistEntryResponse> {
    return this.childcare.declineOffer(user, entryId);
  }

  @Post('childcare/waitlist/:entryId/leave')
  @HttpCode(200)
  @ApiOperation({ summary: '退出轮候' })
  @ApiOkResponse({ type: WaitlistEntryResponse })
  leave(@CurrentUser() user: Principal, @Param('entryId', ParseUuidPipe) entryId: string): Promise<WaitlistEntryResponse> {
    return this.childcare.leaveWaitlist(user, entryId);
  }

  @Post('childcare/waitlist/:entryId/facts/:fact/decision')
  @HttpCode(200)
  @ApiOperation({ summary: '核验家长申报的轮候优先条件（托育机构管理员或街道运营）：通过后才计分并重新排序' })
  @ApiOkResponse({ type: WaitlistEntryResponse })
  decideFact(@CurrentUser() user: Principal, @Param('entryId', ParseUuidPipe) entryId: string, @Param() p: FactParamDto, @Body() dto: PriorityFactDecisionDto): Promise<WaitlistEntryResponse> {
    return this.childcare.decideFact(user, entryId, p.fact, dto);
  }

  @Get('childcare/centres/:centreId/waitlist')
  @ApiOperation({ summary: '机构的轮候名单与过程记录（机构/运营）' })
  @ApiOkResponse({ type: [CentreWaitlistResponse] })
  centreWaitlist(@CurrentUser() user: Principal, @Param('centreId', ParseUuidPipe) centreId: string): Promise<CentreWaitlistResponse[]> {
    return this.childcare.centreWaitlist(user, centreId);
  }

  @Post('children/:childId/pickup-persons')
  @ApiOperation({ summary: '添加授权接送人' })
  @ApiCreatedResponse({ type: PickupPersonResponse })
  addPickup(@CurrentUser() user: Principal, @Param('childId', ParseUuidPipe) childId: string, @Body() dto: PickupPersonDto): Promise<PickupPersonResponse> {
    return this.childcare.addPickupPerson(user, childId, dto);
  }

  @Get('children/:childId/pickup-persons')
  @ApiOperation({ summary: '授权接送人' })
  @ApiOkResponse({ type: [PickupPersonResponse] })
  pickups(@CurrentUser() user: Principal, @Param('childId', ParseUuidPipe) childId: string): Promise<PickupPersonResponse[]> {
    return this.childcare.pickupPersons(user, childId);
  }

  @Delete('children/:childId/pickup-persons/:personId')
  @HttpCode(204)
  @ApiOperation({ summary: '移除授权接送人' })
  @ApiNoContentResponse()
  removePickup(@CurrentUser() user: Principal, @Param('childId', ParseUuidPipe) childId: string, @Param('personId', ParseUuidPipe) personId: string): Promise<void> {
    return this.childcare.removePickupPerson(user, childId, personId);
  }

  @Get('childcare/classes/:classId/roster')
  @ApiOperation({ summary: '班级当日名册与出勤（机构）' })
  @ApiOkResponse({ type: RosterResponse })
  roster(@CurrentUser() user: Principal, @Param('classId', ParseUuidPipe) classId: string, @Query() q: RosterQueryDto): Promise<RosterResponse> {
    return this.childcare.roster(user, classId, q.date);
  }

  @Post('childcare/classes/:classId/check-in')
  @HttpCode(200)
  @ApiOperation({ summary: '入园签到（机构）' })
  @ApiOkResponse({ type: RosterResponse })
  checkIn(@CurrentUser() user: Principal, @Param('classId', ParseUuidPipe) classId: string, @Body() dto: AttendanceDto): Promise<RosterResponse> {
    return this.childcare.checkIn(user, classId, dto.childId);
  }

  @Post('childcare/classes/:classId/check-out')
  @HttpCode(200)
  @ApiOperation({ summary: '离园签退：接送人须在授权名单内（机构）' })
  @ApiOkResponse({ type: RosterResponse })
  checkOut(@CurrentUser() user: Principal, @Param('classId', ParseUuidPipe) classId: string, @Body() dto: AttendanceDto): Promise<RosterResponse> {
    return this.childcare.checkOut(user, classId, dto.childId, dto.pickupPersonId);
  }

  @Post('childcare/settlements/:month')
  @Roles(Role.OPERATOR)
  @HttpCode(200)
  @ApiTags('operator')
  @ApiOperation({ summary: '按入托记录结算普惠托位运营补贴（补供方，街道运营）：只能结算已结束的月份，每月一次' })
  @ApiOkResponse({ type: SettlementResponse })
  async settle(@CurrentUser() user: Principal, @Param() p: MonthParamDto): Promise<SettlementResponse> {
    return this.childcare.settleMonth(user, p.month, await this.scope.regionIds(user.userId));
  }

  @Get('kpi/childcare')
  @Roles(Role.OPERATOR)
  @ApiTags('operator')
  @ApiOperation({ summary: '托育指标：每千人口托位数、普惠占比、入托率、轮候人数（街道运营）' })
  @ApiOkResponse({ type: ChildcareFiguresResponse })
  async figures(@CurrentUser() user: Principal, @Query() q: RegionQueryDto): Promise<ChildcareFiguresResponse> {
    await this.scope.requireRegion(user.userId, q.regionId);
    return this.childcare.figures(q.regionId);
  }
}
