import type { ElderSubsidyMonthView, ElderSubsidyRuleMonth, EntitlementUnit, SubsidyStanding } from '@carecircle/shared';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentUser } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { HouseholdAccess } from '../households/household-access.service.js';
import { SubsidiesService } from './subsidies.service.js';

class EntitlementMonthResponse {
  @ApiProperty({ enum: ['times', 'minutes', 'fen'] }) unit!: EntitlementUnit;
  @ApiProperty({ example: 20, description: '每月额度（次、分钟或分）' }) perMonth!: number;
  @ApiProperty({ description: '本月已用（同一单位）' }) used!: number;
  @ApiProperty({ description: '本月剩余（同一单位）' }) remaining!: number;
  @ApiProperty({ example: '每月 20 次' }) text!: string;
}

class SubsidyRuleMonthResponse implements ElderSubsidyRuleMonth {
  @ApiProperty({ example: 'meal', description: '补贴规则或清单项（服务代码、meal 或 * 通用）' }) ruleKey!: string;
  @ApiProperty({ example: '老年助餐' }) label!: string;
  @ApiProperty({ enum: ['fixed', 'percent', 'copay'], description: 'fixed/percent：补贴表；copay：基本养老服务清单（家庭付自付部分）' }) kind!: 'fixed' | 'percent' | 'copay';
  @ApiProperty({ type: Number, nullable: true }) amountFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '本月上限（分）；按次数或分钟计的清单项为空' }) monthlyCapFen!: number | null;
  @ApiProperty({ description: '本月已用（分）' }) usedFen!: number;
  @ApiProperty({ type: Number, nullable: true, description: '本月剩余（分）；按次数或分钟计的清单项为空' }) remainingFen!: number | null;
  @ApiProperty({ type: EntitlementMonthResponse, nullable: true, description: '基本养老服务清单项的本月额度、已用、剩余' }) entitlement!: EntitlementMonthResponse | null;
  @ApiProperty({ type: String, nullable: true, example: '每次自付 ¥3.00' }) copayText!: string | null;
}

class ElderSubsidyMonthResponse implements ElderSubsidyMonthView {
  @ApiProperty() elderId!: string;
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ description: '补贴类别已经街道核验且在有效期内' }) verified!: boolean;
  @ApiProperty({ enum: ['verified', 'unverified', 'rejected', 'expired'], description: '已核验 / 待核验 / 未通过 / 已过有效期' }) standing!: SubsidyStanding;
  @ApiProperty({ type: String, nullable: true, example: '补贴类别待街道核验，核验通过后享受补贴', description: '没有补贴的原因（已核验时为空）' }) standingNote!: string | null;
  @ApiProperty({ enum: ['basic_service_list', 'subsidy'], description: '额度来源：本地区的基本养老服务清单，或（没有清单的地区）补贴表' }) source!: 'basic_service_list' | 'subsidy';
  @ApiProperty({ type: [SubsidyRuleMonthResponse] }) rules!: SubsidyRuleMonthResponse[];
}

@ApiTags('households')
@ApiBearerAuth()
@Controller()
export class SubsidiesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly subsidies: SubsidiesService,
    private readonly clock: Clock,
  ) {}

  @Get('elders/:elderId/subsidy-month')
  @ApiOperation({ summary: '老人本月享有的基本养老服务（或补贴规则）：每项的额度、自付、已用、剩余（家人与老人本人）' })
  @ApiOkResponse({ type: ElderSubsidyMonthResponse })
  async month(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string): Promise<ElderSubsidyMonthView> {
    const elder = await this.access.requireElder(user, elderId);
    return this.subsidies.month(this.dataSource.manager, elder, this.clock.now());
  }
}
