import { Role } from '@carecircle/shared';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import { ElderRegistrationConflictResponse } from './dto/registration-conflict.dto.js';
import { RegistrationConflicts } from './registration-conflicts.service.js';

@ApiTags('operator')
@ApiBearerAuth()
@Controller('operator/elder-registration-conflicts')
export class RegistrationConflictsController {
  constructor(
    private readonly conflicts: RegistrationConflicts,
    private readonly scope: OperatorScope,
  ) {}

  @Get()
  @Roles(Role.OPERATOR)
  @ApiOperation({ summary: '老人重复登记待核实：身份证号已由其他家庭登记的新增申请（仅本人负责的地区）' })
  @ApiOkResponse({ type: [ElderRegistrationConflictResponse] })
  async list(@CurrentUser() user: Principal): Promise<ElderRegistrationConflictResponse[]> {
    return this.conflicts.inRegions(await this.scope.regionIds(user.userId));
  }
}
