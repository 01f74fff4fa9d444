import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { CatalogService } from './catalog.service.js';
import { QuoteQueryDto, QuoteResponse, ServiceTypeResponse } from './dto/catalog.dto.js';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('services')
  @ApiOperation({ summary: '助老服务项目：时长、价格、资质要求' })
  @ApiOkResponse({ type: [ServiceTypeResponse] })
  services(): Promise<ServiceTypeResponse[]> {
    return this.catalog.list();
  }

  @Get('quote')
  @ApiOperation({ summary: '下单前报价：价格、政府补贴、实付' })
  @ApiOkResponse({ type: QuoteResponse })
  quote(@CurrentUser() user: Principal, @Query() query: QuoteQueryDto): Promise<QuoteResponse> {
    return this.catalog.quote(user, query.elderId, query.serviceCode);
  }
}
