import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { RateLimit } from '../common/redis/rate-limit.guard.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { ChildrenService } from './children.service.js';
import { ChildResponse, CreateChildDto, CreateElderDto, ElderResponse, UpdateChildDto, UpdateElderDto } from './dto/elder.dto.js';
import { CreateHouseholdDto, HouseholdResponse, HouseholdSummaryResponse, InviteResponse, JoinHouseholdDto } from './dto/household.dto.js';
import { EldersService } from './elders.service.js';
import { HouseholdsService } from './households.service.js';

@ApiTags('households')
@ApiBearerAuth()
@Controller('households')
export class HouseholdsController {
  constructor(
    private readonly households: HouseholdsService,
    private readonly elders: EldersService,
    private readonly children: ChildrenService,
  ) {}

  @Get()
  @ApiOperation({ summary: '我所在的家庭' })
  @ApiOkResponse({ type: [HouseholdSummaryResponse] })
  listMine(@CurrentUser() user: Principal): Promise<HouseholdSummaryResponse[]> {
    return this.households.listMine(user.userId);
  }

  @Post()
  @ApiOperation({ summary: '创建家庭（创建者为户主）' })
  @ApiCreatedResponse({ type: HouseholdResponse })
  create(@CurrentUser() user: Principal, @Body() dto: CreateHouseholdDto): Promise<HouseholdResponse> {
    return this.households.create(user.userId, dto);
  }

  @Post('join')
  @HttpCode(200)
  @RateLimit('code')
  @ApiOperation({ summary: '用邀请码加入家庭（每人、每个 IP 限次）' })
  @ApiOkResponse({ type: HouseholdResponse })
  join(@CurrentUser() user: Principal, @Body() dto: JoinHouseholdDto): Promise<HouseholdResponse> {
    return this.households.join(user.userId, dto.code);
  }

  @Get(':householdId')
  @ApiOperation({ summary: '家庭详情：成员、老人、孩子' })
  @ApiOkResponse({ type: HouseholdResponse })
  get(@CurrentUser() user: Principal, @Param('householdId', ParseUuidPipe) householdId: string): Promise<HouseholdResponse> {
    return this.households.get(user.userId, householdId);
  }

  @Post(':householdId/invites')
  @ApiOperation({ summary: '生成一次性邀请码，邀请家人加入' })
  @ApiCreatedResponse({ type: InviteResponse })
  invite(@CurrentUser() user: Principal, @Param('householdId', ParseUuidPipe) householdId: string): Promise<InviteResponse> {
    return this.households.createInvite(user.userId, householdId);
  }

  @Post(':householdId/elders')
  @ApiOperation({ summary: '添加老人' })
  @ApiCreatedResponse({ type: ElderResponse })
  addElder(@CurrentUser() user: Principal, @Param('householdId', ParseUuidPipe) householdId: string, @Body() dto: CreateElderDto): Promise<ElderResponse> {
    return this.elders.add(user.userId, householdId, dto);
  }

  @Post(':householdId/children')
  @ApiOperation({ summary: '添加 3 岁以下孩子' })
  @ApiCreatedResponse({ type: ChildResponse })
  addChild(@CurrentUser() user: Principal, @Param('householdId', ParseUuidPipe) householdId: string, @Body() dto: CreateChildDto): Promise<ChildResponse> {
    return this.children.add(user.userId, householdId, dto);
  }
}

@ApiTags('elders')
@ApiBearerAuth()
@Controller('elders')
export class EldersController {
  constructor(private readonly elders: EldersService) {}

  @Get(':elderId')
  @ApiOperation({ summary: '老人详情（身份证号脱敏）' })
  @ApiOkResponse({ type: ElderResponse })
  get(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string): Promise<ElderResponse> {
    return this.elders.get(user, elderId);
  }

  @Patch(':elderId')
  @ApiOperation({ summary: '修改老人信息' })
  @ApiOkResponse({ type: ElderResponse })
  update(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string, @Body() dto: UpdateElderDto): Promise<ElderResponse> {
    return this.elders.update(user.userId, elderId, dto);
  }

  @Delete(':elderId')
  @HttpCode(204)
  @ApiOperation({ summary: '移除老人' })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string): Promise<void> {
    return this.elders.remove(user.userId, elderId);
  }
}

@ApiTags('children')
@ApiBearerAuth()
@Controller('children')
export class ChildrenController {
  constructor(private readonly children: ChildrenService) {}

  @Get(':childId')
  @ApiOperation({ summary: '孩子详情' })
  @ApiOkResponse({ type: ChildResponse })
  get(@CurrentUser() user: Principal, @Param('childId', ParseUuidPipe) childId: string): Promise<ChildResponse> {
    return this.children.get(user.userId, childId);
  }

  @Patch(':childId')
  @ApiOperation({ summary: '修改孩子信息' })
  @ApiOkResponse({ type: ChildResponse })
  update(@CurrentUser() user: Principal, @Param('childId', ParseUuidPipe) childId: string, @Body() dto: UpdateChildDto): Promise<ChildResponse> {
    return this.children.update(user.userId, childId, dto);
  }

  @Delete(':childId')
  @HttpCode(204)
  @ApiOperation({ summary: '移除孩子' })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: Principal, @Param('childId', ParseUuidPipe) childId: string): Promise<void> {
    return this.children.remove(user.userId, childId);
  }
}
