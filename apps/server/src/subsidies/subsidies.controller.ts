import type { ElderSubsidyMonthView, SubsidyStanding } from '@carecircle/shared';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentUser } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { ParseUuidPipe } from '../common/validation/parse-uuid.pipe.js';
import { HouseholdAccess } from '../households/household-access.service.js';
import { SubsidiesService } from './subsidies.service.js';

class SubsidyRuleMonthResponse {
  @ApiProperty({ example: 'meal', description: '补贴规则（服务代码、meal 或 * 通用）' }) ruleKey!: string;
  @ApiProperty({ example: '老年助餐' }) label!: string;
  @ApiProperty({ enum: ['fixed', 'percent'] }) kind!: 'fixed' | 'percent';
  @ApiProperty({ type: Number, nullable: true }) amountFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
  @ApiProperty({ description: '本月上限（分）' }) monthlyCapFen!: number;
  @ApiProperty({ description: '本月已用（分）' }) usedFen!: number;
  @ApiProperty({ description: '本月剩余（分）' }) remainingFen!: number;
}

class ElderSubsidyMonthResponse implements ElderSubsidyMonthView {
  @ApiProperty() elderId!: string;
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ description: '补贴类别已经街道核验且在有效期内' }) verified!: boolean;
  @ApiProperty({ enum: ['verified', 'unverified', 'rejected', 'expired'], description: '已核验 / 待核验 / 未通过 / 已过有效期' }) standing!: SubsidyStanding;
  @ApiProperty({ type: String, nullable: true, example: '补贴类别待街道核验，核验通过后享受补贴', description: '没有补贴的原因（已核验时为空）' }) standingNote!: string | null;
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
  @ApiOperation({ summary: '老人本月补贴：按补贴规则的月度上限、已用、剩余（家人与老人本人）' })
  @ApiOkResponse({ type: ElderSubsidyMonthResponse })
  async month(@CurrentUser() user: Principal, @Param('elderId', ParseUuidPipe) elderId: string): Promise<ElderSubsidyMonthView> {
    const elder = await this.access.requireElder(user, elderId);
    return this.subsidies.month(this.dataSource.manager, elder, this.clock.now());
  }
}
