import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { Role } from '@carecircle/shared';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateRegionPolicyDto, PolicyQueryDto, RegionPolicyResponse, RegionResponse } from './dto/region.dto.js';
import { RegionsService } from './regions.service.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import { AuditService } from '../regulation/audit.service.js';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(
    private readonly regions: RegionsService,
    private readonly scope: OperatorScope,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: '区、街道、社区列表' })
  @ApiOkResponse({ type: [RegionResponse] })
  async list(@CurrentUser() user: Principal): Promise<RegionResponse[]> {
    const all = await this.regions.list();
    // An operator works in their own 街道: the console's region pickers list only those.
    if (!user.roles.includes(Role.OPERATOR)) return all;
    const mine = await this.scope.regionIds(user.userId);
    return mine.length ? all.filter((r) => mine.includes(r.id)) : all;
  }

  @Get(':id/policies')
  @ApiOperation({ summary: '地区政策表（按类型、版本）：公开的政策文件，运营人员只看本人负责的地区' })
  @ApiOkResponse({ type: [RegionPolicyResponse] })
  async policies(@CurrentUser() user: Principal, @Param('id', ParseUuidPipe) id: string, @Query() q: PolicyQueryDto): Promise<RegionPolicyResponse[]> {
    if (user.roles.includes(Role.OPERATOR)) await this.scope.requireRegion(user.userId, id);
    return this.regions.policies(id, q.kind);
  }

  @Post(':id/policies')
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '发布地区政策表的新版本（街道运营）' })
  @ApiCreatedResponse({ type: RegionPolicyResponse })
  async addPolicy(@CurrentUser() user: Principal, @Param('id', ParseUuidPipe) id: string, @Body() dto: CreateRegionPolicyDto): Promise<RegionPolicyResponse> {
    await this.scope.requireRegion(user.userId, id);
    const policy = await this.regions.addPolicy(user.userId, id, dto);
    await this.audit.record(user.userId, `policy_${dto.kind}_v${policy.version}`.slice(0, 24), 'region', id);
    return policy;
  }
}
