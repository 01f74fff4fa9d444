import { ErrorCode, type ServiceCode } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { HouseholdAccess } from '../households/household-access.service.js';
import { SubsidiesService } from '../subsidies/subsidies.service.js';
import type { QuoteResponse, ServiceTypeResponse } from './dto/catalog.dto.js';
import { ServiceTypeEntity } from './entities/service-type.entity.js';

@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly subsidies: SubsidiesService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ServiceTypeResponse[]> {
    const rows = await this.dataSource.getRepository(ServiceTypeEntity).find({ where: { familyOrderable: true }, order: { sort: 'ASC' } });
    return rows.map(toServiceResponse);
  }

  /** A service a family may order (system-made jobs such as meal delivery are not). */
  async require(code: string, manager: EntityManager = this.dataSource.manager): Promise<ServiceTypeEntity> {
    const service = await manager.getRepository(ServiceTypeEntity).findOneBy({ code: code as ServiceCode, familyOrderable: true });
    if (!service) throw new DomainError(ErrorCode.SERVICE_NOT_FOUND, '没有这个服务项目', { serviceCode: code });
    return service;
  }

  /** Price, subsidy and what the family pays, before they confirm (nothing is written). */
  async quote(principal: Principal, elderId: string, serviceCode: ServiceCode): Promise<QuoteResponse> {
    const elder = await this.access.requireElderOfMyHousehold(principal.userId, elderId);
    const service = await this.require(serviceCode);
    const q = await this.subsidies.quote(this.dataSource.manager, elder, service.code, service.basePriceFen, this.clock.now(), 0, service.durationMinutes);
    return { serviceCode, elderId, priceFen: q.priceFen, subsidyFen: q.subsidyFen, payFen: q.payFen, subsidyNote: q.subsidyNote, policyVersion: q.policyVersion };
  }
}

export function toServiceResponse(s: ServiceTypeEntity): ServiceTypeResponse {
  return {
    code: s.code,
    name: s.name,
    description: s.description,
    durationMinutes: s.durationMinutes,
    basePriceFen: s.basePriceFen,
    requiredSkill: s.requiredSkill,
    requiredCertificate: s.requiredCertificate,
    urgent: s.urgent,
  };
}
