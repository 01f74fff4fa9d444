import { ErrorCode, isWithinChina, maskPhone, ProviderStatus, Role, type ServiceCode } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity.js';
import { AuthService } from '../auth/auth.service.js';
import { WechatClient } from '../auth/wechat/wechat-client.js';
import { ProviderServicePriceEntity } from '../catalog/entities/provider-service-price.entity.js';
import type { Principal } from '../common/auth/principal.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { onDuplicateKey } from '../common/typeorm.js';
import { RegionsService } from '../regions/regions.service.js';
import { OperatorScope } from '../regulation/operator-scope.service.js';
import { AuditService } from '../regulation/audit.service.js';
import { CreditService } from '../regulation/credit.service.js';
import type { AddStaffDto, ProviderResponse, RegisterProviderDto, SetPriceDto, StaffResponse } from './dto/provider.dto.js';
import { ProviderAdminEntity } from './entities/provider-admin.entity.js';
import { ProviderStaffEntity } from './entities/provider-staff.entity.js';
import { ProviderEntity } from './entities/provider.entity.js';
import { StaffCertificateEntity } from './entities/staff-certificate.entity.js';
import { StaffPositions } from './staff-positions.service.js';

@Injectable()
export class ProvidersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly auth: AuthService,
    private readonly wechat: WechatClient,
    private readonly cipher: FieldCipher,
    private readonly positions: StaffPositions,
    private readonly scope: OperatorScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly credit: CreditService,
  ) {}

  /** A provider admin files the organisation; it waits as `pending` until an operator approves it. */
  async register(principal: Principal, dto: RegisterProviderDto): Promise<ProviderResponse> {
    await this.regions.requireRegion(dto.regionId);
    if (!isWithinChina(dto.location)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'location: 位置不在中国境内，请检查经纬度', { fields: [{ field: 'location', message: '位置不在中国境内，请检查经纬度' }] });
    }
    const id = await onDuplicateKey(
      () =>
        this.dataSource.transaction(async (manager) => {
          const provider = await manager.getRepository(ProviderEntity).save({
            kind: dto.kind, name: dto.name, licenceNo: dto.licenceNo, regionId: dto.regionId, address: dto.address,
            lat: dto.location.lat, lng: dto.location.lng, serviceRadiusM: dto.serviceRadiusMeters, status: ProviderStatus.PENDING,
            phone: dto.phone ?? null, cancelAfterAcceptFeeFen: 0, cancelAfterDeparturePercent: 20, recommended: false, createdBy: principal.userId,
          });
          await manager.getRepository(ProviderAdminEntity).insert({ providerId: provider.id, userId: principal.userId });
          return provider.id;
        }),
      () => new DomainError(ErrorCode.PROVIDER_LICENCE_TAKEN, '该许可证编号已登记', { fields: [{ field: 'licenceNo', message: '该许可证编号已登记' }] }),
    );
    await this.auth.grantRole(principal.userId, Role.PROVIDER_ADMIN);
    return this.get(principal, id);
  }

  async list(principal: Principal): Promise<ProviderResponse[]> {
    const repo = this.dataSource.getRepository(ProviderEntity);
    if (principal.roles.includes(Role.OPERATOR)) {
      const regions = await this.scope.regionIds(principal.userId);
      if (regions.length) return (await repo.find({ where: { regionId: In(regions) }, order: { createdAt: 'ASC' } })).map(toProviderResponse);
    }
    const mine = await this.dataSource.getRepository(ProviderAdminEntity).findBy({ userId: principal.userId });
    if (mine.length === 0) return [];
    return (await repo.find({ where: { id: In(mine.map((m) => m.providerId)) }, order: { createdAt: 'ASC' } })).map(toProviderResponse);
  }

  async get(principal: Principal, providerId: string): Promise<ProviderResponse> {
    return toProviderResponse(await this.requireManaged(principal, providerId));
  }

  /**
   * The operator approves (to the recommended list) or suspends a provider. Approving one whose
   * credit is below the region's threshold (credit suspended it) needs a stated reason, kept in the
   * audit log and the filing history, as putting it back on the 推荐清单 does.
   */
  async setStatus(principal: Principal, providerId: string, status: 'approved' | 'suspended', reason?: string): Promise<ProviderResponse> {
    await this.scope.requireRecord(principal.userId, 'providers', providerId, new DomainError(ErrorCode.PROVIDER_NOT_FOUND, '未找到该机构'));
    const repo = this.dataSource.getRepository(ProviderEntity);
    const provider = await repo.findOneBy({ id: providerId });
    if (!provider) throw new DomainError(ErrorCode.PROVIDER_NOT_FOUND, '未找到该机构');
    const why = reason?.trim() || null;
    if (status === 'approved') {
      const score = await this.credit.creditOf('provider', providerId);
      const threshold = await this.credit.suspendBelow(provider.regionId);
      if (score < threshold && !why) {
        const message = `该机构信用分 ${score} 低于本地区 ${threshold} 分的门槛，恢复审核通过须写明原因`;
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `reason: ${message}`, { fields: [{ field: 'reason', message }], creditScore: score, suspendBelow: threshold });
      }
    }
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(ProviderEntity).update({ id: providerId }, { status, recommended: status === 'approved' });
      await this.audit.record(principal.userId, `provider_${status}`, 'provider', providerId, m);
      if (why) {
        const label: Record<string, string> = { pending: '待审核', approved: '审核通过', suspended: '已暂停' };
        await m.query('INSERT INTO provider_filing_changes (provider_id, changed_by, changes, changed_at) VALUES (?, ?, ?, ?)', [
          providerId, principal.userId, JSON.stringify([{ field: 'status', label: '审核状态', from: label[provider.status] ?? provider.status, to: `${label[status]}（${why}）` }]), this.clock.now(),
        ]);
      }
    });
    return toProviderResponse(await repo.findOneByOrFail({ id: providerId }));
  }

  /**
   * The region's 推荐清单, apart from approval: an approved provider may be taken off it (no more
   * government-paid orders, private ones still) and put back, each time with a reason on record.
   */
  async setRecommended(principal: Principal, providerId: string, recommended: boolean, reason: string): Promise<ProviderResponse> {
    await this.scope.requireRecord(principal.userId, 'providers', providerId, new DomainError(ErrorCode.PROVIDER_NOT_FOUND, '未找到该机构'));
    const repo = this.dataSource.getRepository(ProviderEntity);
    const provider = await repo.findOneByOrFail({ id: providerId });
    if (recommended && provider.status !== 'approved') throw new DomainError(ErrorCode.CONFLICT, '只有审核通过、未被暂停的机构才能列入推荐清单');
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(ProviderEntity).update({ id: providerId }, { recommended });
      await this.audit.record(principal.userId, recommended ? 'provider_recommended' : 'provider_unrecommended', 'provider', providerId, m);
      const listed = (on: boolean) => (on ? '在清单内' : '不在清单内');
      await m.query('INSERT INTO provider_filing_changes (provider_id, changed_by, changes, changed_at) VALUES (?, ?, ?, ?)', [
        providerId, principal.userId, JSON.stringify([{ field: 'recommended', label: '推荐清单', from: listed(!!provider.recommended), to: `${listed(recommended)}（${reason}）` }]), this.clock.now(),
      ]);
    });
    return toProviderResponse(await repo.findOneByOrFail({ id: providerId }));
  }

  async addStaff(principal: Principal, providerId: string, dto: AddStaffDto): Promise<StaffResponse> {
    await this.requireManaged(principal, providerId);
    let userId: string | null = null;
    if (dto.loginCode) {
      const session = await this.wechat.code2Session(dto.loginCode).catch(() => {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'loginCode: 登录凭证无效', { fields: [{ field: 'loginCode', message: '登录凭证无效' }] });
      });
      const users = this.dataSource.getRepository(UserEntity);
      await users.createQueryBuilder().insert().orIgnore().values({ openid: session.openid, nickname: session.nickname ?? dto.name, roles: [Role.PROVIDER_STAFF], elderId: null }).execute();
      userId = (await users.findOneByOrFail({ openid: session.openid })).id;
      await this.auth.grantRole(userId, Role.PROVIDER_STAFF);
    }
    const staffId = await onDuplicateKey(
      () =>
        this.dataSource.transaction(async (manager) => {
          const staff = await manager.getRepository(ProviderStaffEntity).save({
            providerId, userId, name: dto.name, phoneEnc: this.cipher.encrypt(dto.phone), skills: dto.skills,
            homeLat: dto.home.lat, homeLng: dto.home.lng, maxConcurrentJobs: dto.maxConcurrentJobs, ratingX100: 480, onDuty: false,
            lastLat: null, lastLng: null, lastSeenAt: null,
          });
          for (const c of dto.certificates) await manager.getRepository(StaffCertificateEntity).insert({ staffId: staff.id, type: c.type, number: c.number, expiresOn: c.expiresOn });
          return staff.id;
        }),
      () => new DomainError(ErrorCode.CONFLICT, '该登录账号已是其他机构的服务人员', { fields: [{ field: 'loginCode', message: '该账号已绑定服务人员' }] }),
    );
    return this.staffResponse(await this.dataSource.getRepository(ProviderStaffEntity).findOneByOrFail({ id: staffId }));
  }

  async listStaff(principal: Principal, providerId: string): Promise<StaffResponse[]> {
    await this.requireManaged(principal, providerId);
    const staff = await this.dataSource.getRepository(ProviderStaffEntity).find({ where: { providerId }, order: { createdAt: 'ASC' } });
    return Promise.all(staff.map((s) => this.staffResponse(s)));
  }

  async setPrice(principal: Principal, providerId: string, dto: SetPriceDto): Promise<void> {
    await this.requireManaged(principal, providerId);
    await this.dataSource.getRepository(ProviderServicePriceEntity).upsert({ providerId, serviceCode: dto.serviceCode, priceFen: dto.priceFen }, ['providerId', 'serviceCode']);
  }

  /** Suspending or removing a staff member from duty also takes them off the map. */
  async setStaffDuty(staffId: string, onDuty: boolean): Promise<void> {
    await this.dataSource.getRepository(ProviderStaffEntity).update({ id: staffId }, { onDuty });
    if (!onDuty) await this.positions.remove(staffId);
  }

  /** Canteen work (menus, today's list, pick-ups): its admins and staff, and operators. Others get 404. */
  async requireProviderMember(principal: Principal, providerId: string, kind?: ProviderEntity['kind']): Promise<ProviderEntity> {
    const provider = await this.dataSource.getRepository(ProviderEntity).findOneBy({ id: providerId });
    const allowed =
      provider &&
      (!kind || provider.kind === kind) &&
      ((principal.roles.includes(Role.OPERATOR) && (await this.scope.regionIds(principal.userId)).includes(provider.regionId)) ||
        (await this.dataSource.getRepository(ProviderAdminEntity).countBy({ providerId, userId: principal.userId })) > 0 ||
        (await this.dataSource.getRepository(ProviderStaffEntity).countBy({ providerId, userId: principal.userId })) > 0);
    if (!allowed) throw new DomainError(ErrorCode.PROVIDER_NOT_FOUND, '未找到该机构');
    return provider;
  }

  /** Operators manage every provider; a provider admin only their own. Others get 404. */
  private async requireManaged(principal: Principal, providerId: string): Promise<ProviderEntity> {
    const provider = await this.dataSource.getRepository(ProviderEntity).findOneBy({ id: providerId });
    const allowed =
      provider &&
      ((principal.roles.includes(Role.OPERATOR) && (await this.scope.regionIds(principal.userId)).includes(provider.regionId)) ||
        (await this.dataSource.getRepository(ProviderAdminEntity).countBy({ providerId, userId: principal.userId })) > 0);
    if (!allowed) throw new DomainError(ErrorCode.PROVIDER_NOT_FOUND, '未找到该机构');
    return provider;
  }

  private async staffResponse(s: ProviderStaffEntity): Promise<StaffResponse> {
    const certificates = await this.dataSource.getRepository(StaffCertificateEntity).find({ where: { staffId: s.id }, order: { expiresOn: 'DESC' } });
    const phone = this.cipher.decryptNullable(s.phoneEnc);
    return {
      id: s.id, providerId: s.providerId, name: s.name, phoneMasked: phone ? maskPhone(phone) : null, skills: s.skills as ServiceCode[],
      certificates: certificates.map((c) => ({ type: c.type, number: c.number, expiresOn: c.expiresOn })),
      home: { lat: s.homeLat, lng: s.homeLng }, maxConcurrentJobs: s.maxConcurrentJobs, ratingX100: s.ratingX100, onDuty: s.onDuty,
    };
  }
}

export function toProviderResponse(p: ProviderEntity): ProviderResponse {
  return {
    id: p.id, kind: p.kind, name: p.name, licenceNo: p.licenceNo, regionId: p.regionId, address: p.address,
    location: { lat: p.lat, lng: p.lng }, serviceRadiusMeters: p.serviceRadiusM, status: p.status, recommended: !!p.recommended, phone: p.phone,
  };
}
