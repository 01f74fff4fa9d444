import { Role, shanghaiMonth } from '@carecircle/shared';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { KpiService } from './kpi.service.js';
import { OfficialListService } from './official-list.service.js';
import { RegionFiguresService } from './region-figures.service.js';
import { ReportService } from './report.service.js';
import { WorklistsService } from './worklists.service.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f-]{36}$/i;

class RegionMonthQueryDto {
  @ApiProperty() @Matches(UUID, { message: '请选择地区' }) regionId!: string;
  @ApiPropertyOptional({ example: '2026-11' }) @IsOptional() @Matches(MONTH, { message: '月份应为 YYYY-MM' }) month?: string;
}

class ReportQueryDto extends RegionMonthQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'html'] }) @IsOptional() @IsIn(['json', 'csv', 'html'], { message: '格式只能是 json、csv 或 html' }) format?: 'json' | 'csv' | 'html';
}

class RegionYearQueryDto {
  @ApiProperty() @Matches(UUID, { message: '请选择地区' }) regionId!: string;
  @ApiPropertyOptional({ example: '2026' }) @IsOptional() @Matches(/^20\d{2}$/, { message: '年份应为 20xx' }) year?: string;
}

class IndicatorParamDto {
  @ApiProperty({ example: 'visit_rate' }) @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: '指标代码无效' }) code!: string;
}

class FiguresParamDto {
  @ApiProperty() @Matches(UUID, { message: '地区编号无效' }) regionId!: string;
  @ApiProperty({ example: '2026' }) @Matches(/^20\d{2}$/, { message: '年份应为 20xx' }) year!: string;
}

class RegionFiguresDto {
  @ApiProperty({ type: 'integer', nullable: true, example: 18500 }) @ValidateIf((_, v) => v !== null) @IsInt({ message: '常住人口应为整数' }) @Min(0, { message: '不能为负' }) @Max(100_000_000, { message: '过大' }) residents!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 4100 }) @ValidateIf((_, v) => v !== null) @IsInt({ message: '60 岁以上人口应为整数' }) @Min(0, { message: '不能为负' }) @Max(100_000_000, { message: '过大' }) elderly60!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 520 }) @ValidateIf((_, v) => v !== null) @IsInt({ message: '0–3 岁儿童数应为整数' }) @Min(0, { message: '不能为负' }) @Max(100_000_000, { message: '过大' }) children0to3!: number | null;
}

class CsvDto {
  @ApiProperty({ description: 'CSV 文件内容（UTF-8，可带 BOM）：姓名,身份证号,类别,有效期至', example: '姓名,身份证号,类别,有效期至\r\n王建国,32058319480512001X,低保,2027-12-31' })
  @IsString({ message: 'CSV 内容必须是文字' }) @IsNotEmpty({ message: '请选择 CSV 文件' }) @MaxLength(250_000, { message: '文件过大，请分批导入' }) csv!: string;
}

class RegionFiguresCsvDto {
  @ApiProperty({ description: 'CSV 文件内容（UTF-8，可带 BOM）：社区,年份,常住人口,60岁以上人口,0-3岁儿童', example: '社区,年份,常住人口,60岁以上人口,0-3岁儿童\r\n朝阳社区,2026,18500,4100,520' })
  @IsString({ message: 'CSV 内容必须是文字' }) @IsNotEmpty({ message: '请选择 CSV 文件' }) @MaxLength(250_000, { message: '文件过大，请分批导入' }) csv!: string;
}

class WorklistQueryDto {
  @ApiPropertyOptional({ example: '2026-11' }) @IsOptional() @Matches(MONTH, { message: '月份应为 YYYY-MM' }) month?: string;
  @ApiPropertyOptional({ example: '30' }) @IsOptional() @Matches(/^\d{1,3}$/, { message: '天数应为 1–365 的整数' }) days?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(UUID, { message: '地区编号无效' }) regionId?: string;
}

class ObjectResponse {
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: unknown;
}

/** KPI dashboard data (breakdown, drill-down, trends), the monthly report, region reference data, worklists and the official-list import. */
@ApiTags('operator')
@ApiBearerAuth()
@Roles(Role.OPERATOR)
@Controller()
export class KpiController {
  constructor(
    private readonly kpi: KpiService,
    private readonly report: ReportService,
    private readonly figures: RegionFiguresService,
    private readonly worklists: WorklistsService,
    private readonly officialList: OfficialListService,
    private readonly clock: Clock,
  ) {}

  @Get('kpi/breakdown')
  @ApiOperation({ summary: '指标分解：本地区及下辖各社区的全部指标（百分比为 0–1 小数）' })
  @ApiOkResponse({ type: ObjectResponse })
  breakdown(@CurrentUser() user: Principal, @Query() q: RegionMonthQueryDto) {
    return this.kpi.breakdown(user, q.regionId, q.month ?? shanghaiMonth(this.clock.now()));
  }

  @Get('kpi/indicators/:code/records')
  @ApiOperation({ summary: '指标下钻：计算该指标所用的每一条记录（分子、分母）' })
  @ApiOkResponse({ type: ObjectResponse })
  records(@CurrentUser() user: Principal, @Param() p: IndicatorParamDto, @Query() q: RegionMonthQueryDto) {
    return this.kpi.drillDown(user, p.code, q.regionId, q.month ?? shanghaiMonth(this.clock.now()));
  }

  @Get('kpi/indicators/:code/trend')
  @ApiOperation({ summary: '指标年度趋势：逐月数值与当月目标' })
  @ApiOkResponse({ type: ObjectResponse })
  trend(@CurrentUser() user: Principal, @Param() p: IndicatorParamDto, @Query() q: RegionYearQueryDto) {
    return this.kpi.trend(user, p.code, q.regionId, Number(q.year ?? shanghaiMonth(this.clock.now()).slice(0, 4)));
  }

  @Get('kpi/report')
  @ApiOperation({
    summary: '月报导出：json（schemaVersion 1.0）、csv 或可打印的 html',
    description: '字段说明见 docs/kpi-export.md。百分比类指标（unit 为 %）的 value/target 为 0–1 的小数。CSV 为 UTF-8（带 BOM），每个地区每项指标一行。',
  })
  @ApiOkResponse({ type: ObjectResponse })
  async monthlyReport(@CurrentUser() user: Principal, @Query() q: ReportQueryDto, @Res({ passthrough: true }) res: Response) {
    const month = q.month ?? shanghaiMonth(this.clock.now());
    if (q.format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="kpi-${month}.csv"`);
      return this.report.csv(user, q.regionId, month);
    }
    if (q.format === 'html') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return this.report.html(user, q.regionId, month);
    }
    return this.report.json(user, q.regionId, month);
  }

  @Get('operator/region-figures')
  @ApiOperation({ summary: '地区基础数据（常住人口、60 岁以上人口、0–3 岁儿童），按年度' })
  @ApiOkResponse({ type: ObjectResponse })
  listFigures(@CurrentUser() user: Principal, @Query() q: RegionYearQueryDto) {
    return this.figures.list(user, q.regionId, Number(q.year ?? shanghaiMonth(this.clock.now()).slice(0, 4)));
  }

  @Put('operator/region-figures/:regionId/:year')
  @ApiOperation({ summary: '填写某地区某年度的基础数据' })
  @ApiOkResponse({ type: ObjectResponse })
  putFigures(@CurrentUser() user: Principal, @Param() p: FiguresParamDto, @Body() dto: RegionFiguresDto) {
    return this.figures.put(user, p.regionId, Number(p.year), dto);
  }

  @Post('operator/region-figures/import')
  @HttpCode(200)
  @ApiOperation({ summary: '导入地区基础数据 CSV（社区,年份,常住人口,60岁以上人口,0-3岁儿童）' })
  @ApiOkResponse({ type: ObjectResponse })
  importFigures(@CurrentUser() user: Principal, @Body() dto: RegionFiguresCsvDto) {
    return this.figures.importCsv(user, dto.csv);
  }

  @Get('operator/worklists')
  @ApiOperation({ summary: '工作清单：应服尽服、应评尽评（80 岁以上未评估）、评估即将到期' })
  @ApiOkResponse({ type: ObjectResponse })
  lists(@CurrentUser() user: Principal, @Query() q: WorklistQueryDto) {
    const days = Math.min(365, Math.max(1, Number(q.days ?? 30)));
    return this.worklists.lists(user, q.month ?? shanghaiMonth(this.clock.now()), days, q.regionId);
  }

  @Post('operator/official-list/preview')
  @HttpCode(200)
  @ApiOperation({ summary: '预览民政官方名单（姓名,身份证号,类别,有效期至）：逐行校验并按身份证号匹配老人' })
  @ApiOkResponse({ type: ObjectResponse })
  previewList(@CurrentUser() user: Principal, @Body() dto: CsvDto) {
    return this.officialList.preview(user, dto.csv);
  }

  @Post('operator/official-list/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: '确认导入官方名单：匹配成功的老人按名单类别与有效期核验通过（留审计）' })
  @ApiOkResponse({ type: ObjectResponse })
  confirmList(@CurrentUser() user: Principal, @Body() dto: CsvDto) {
    return this.officialList.confirm(user, dto.csv);
  }
}
