import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher.js';

const key = () => randomBytes(32).toString('base64');

describe(FieldCipher.name, () => {
  const cipher = new FieldCipher({ encryptionKey: key(), indexKey: key() });

  it('round-trips text and never writes it in clear', () => {
    const stored = cipher.encrypt('320583194805121234');
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('320583');
    expect(cipher.decrypt(stored)).toBe('320583194805121234');
  });

  it('uses a fresh nonce each time', () => {
    expect(cipher.encrypt('同一段文字')).not.toBe(cipher.encrypt('同一段文字'));
  });

  it('detects tampering', () => {
    const stored = cipher.encrypt('高血压');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('cannot be read with another key', () => {
    const other = new FieldCipher({ encryptionKey: key(), indexKey: key() });
    expect(() => other.decrypt(cipher.encrypt('秘密'))).toThrow();
  });

  it('gives a stable blind index that ignores case and spaces', () => {
    expect(cipher.blindIndex(' 11010519491231002x ')).toBe(cipher.blindIndex('11010519491231002X'));
    expect(cipher.blindIndex('11010519491231002X')).not.toBe(cipher.blindIndex('11010519491231003X'));
  });
});
