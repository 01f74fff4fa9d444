import { ACTIVE_JOB_STATUSES, ErrorCode, type ServiceCode } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { StaffMeResponse } from './dto/provider.dto.js';
import { ProviderStaffEntity } from './entities/provider-staff.entity.js';
import { ProviderEntity } from './entities/provider.entity.js';
import { StaffPositions } from './staff-positions.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { passesPreJobGate, preJobTrainingRequired } from '../training/pre-job-training.js';

/** The staff member's own side: who am I, on/off duty, where am I. */
@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: StaffPositions,
    private readonly clock: Clock,
    private readonly regions: RegionsService,
  ) {}

  async requireStaff(principal: Principal): Promise<ProviderStaffEntity> {
    const staff = await this.dataSource.getRepository(ProviderStaffEntity).findOneBy({ userId: principal.userId });
    if (!staff) throw new DomainError(ErrorCode.NOT_STAFF, '当前账号不是服务人员，请联系所在机构添加');
    return staff;
  }

  async me(principal: Principal): Promise<StaffMeResponse> {
    const staff = await this.requireStaff(principal);
    const provider = await this.dataSource.getRepository(ProviderEntity).findOneByOrFail({ id: staff.providerId });
    const [{ n }] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM orders WHERE staff_id = ? AND status IN (${ACTIVE_JOB_STATUSES.map(() => '?').join(',')})`,
      [staff.id, ...ACTIVE_JOB_STATUSES],
    );
    const trainingRequired = await preJobTrainingRequired(this.regions, provider.regionId, this.clock.now());
    return {
      id: staff.id, name: staff.name, providerId: provider.id, providerName: provider.name, skills: staff.skills as ServiceCode[],
      onDuty: staff.onDuty, maxConcurrentJobs: staff.maxConcurrentJobs, activeJobs: Number(n), ratingX100: staff.ratingX100,
      preJobTrainingPending: !(await passesPreJobGate(this.dataSource.manager, staff.id, trainingRequired)),
    };
  }

  async setDuty(principal: Principal, onDuty: boolean): Promise<StaffMeResponse> {
    const staff = await this.requireStaff(principal);
    await this.dataSource.getRepository(ProviderStaffEntity).update({ id: staff.id }, { onDuty });
    if (onDuty) await this.positions.put(staff.id, staff.lastLat ?? staff.homeLat, staff.lastLng ?? staff.homeLng);
    else await this.positions.remove(staff.id);
    return this.me(principal);
  }

  /** The staff app reports its position about every 30 s while open and on duty. */
  async reportLocation(principal: Principal, lat: number, lng: number): Promise<void> {
    const staff = await this.requireStaff(principal);
    await this.dataSource.getRepository(ProviderStaffEntity).update({ id: staff.id }, { lastLat: lat, lastLng: lng, lastSeenAt: this.clock.now() });
    if (staff.onDuty) await this.positions.put(staff.id, lat, lng);
  }

  async namesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(ProviderStaffEntity).find({ where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
