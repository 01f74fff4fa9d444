import { ageInMonths, displayAge, maskIdNumber, maskPhone, shanghaiDate, type EmergencyContact } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import type { ChildResponse, ElderListItemResponse, ElderResponse } from './dto/elder.dto.js';
import type { ChildEntity } from './entities/child.entity.js';
import type { ElderEntity } from './entities/elder.entity.js';

/**
 * Turns stored rows into what goes on the wire. No elder birth date and no full phone leave here:
 * age (今年 N 岁) and the masked ID number keep ≥ 10^5 candidate ID numbers (docs/security.md).
 */
@Injectable()
export class PersonalDataMapper {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  elderListItem(e: ElderEntity): ElderListItemResponse {
    const phone = this.cipher.decryptNullable(e.phoneEnc);
    return {
      id: e.id,
      householdId: e.householdId,
      name: e.name,
      gender: e.gender,
      age: displayAge(e.birthDate, this.today()),
      phoneMasked: phone ? maskPhone(phone) : null,
      address: e.address,
      livingSituation: e.livingSituation,
      subsidyCategory: e.subsidyCategory,
      subsidyVerification: e.subsidyVerification,
    };
  }

  elder(e: ElderEntity): ElderResponse {
    return {
      ...this.elderListItem(e),
      idNumberMasked: maskIdNumber(this.cipher.decrypt(e.idNumberEnc)),
      location: { lat: e.lat, lng: e.lng },
      regionId: e.regionId,
      emergencyContacts: JSON.parse(this.cipher.decrypt(e.emergencyContactsEnc)) as EmergencyContact[],
      healthNotes: this.cipher.decryptNullable(e.healthNotesEnc),
      dietaryNeeds: e.dietaryNeeds,
      confirmation: { confirmOrders: e.confirmOrders, timeoutMinutes: e.confirmTimeoutMinutes, onTimeout: e.onConfirmTimeout },
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }

  child(c: ChildEntity): ChildResponse {
    const idNumber = this.cipher.decryptNullable(c.idNumberEnc);
    return {
      id: c.id,
      householdId: c.householdId,
      name: c.name,
      birthDate: c.birthDate,
      ageMonths: ageInMonths(c.birthDate, this.today()),
      idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    };
  }

  /** Today's date in Asia/Shanghai, where ages are counted. */
  today(): string {
    return shanghaiDate(this.clock.now());
  }
}
