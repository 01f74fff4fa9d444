import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { piiConfig, type PiiConfig } from '../../config/configuration.js';

const VERSION = 'v1';

/**
 * AES-256-GCM for personal data at rest (PIPL: ID numbers, health notes, phone numbers).
 * Stored as `v1:<base64 iv|tag|ciphertext>` so the key can be rotated to a v2 later.
 */
@Injectable()
export class FieldCipher {
  private readonly key: Buffer;
  private readonly indexKey: Buffer;

  constructor(@Inject(piiConfig.KEY) config: PiiConfig) {
    this.key = Buffer.from(config.encryptionKey, 'base64');
    this.indexKey = Buffer.from(config.indexKey, 'base64');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  encryptNullable(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined || plain === '' ? null : this.encrypt(plain);
  }

  decrypt(stored: string): string {
    const [version, payload] = stored.split(':', 2);
    if (version !== VERSION || !payload) throw new Error(`Unknown cipher text version ${version}`);
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  decryptNullable(stored: string | null): string | null {
    return stored === null ? null : this.decrypt(stored);
  }

  /** A keyed hash to find or de-duplicate a value without storing it in clear. */
  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value.trim().toUpperCase()).digest('hex');
  }
}
