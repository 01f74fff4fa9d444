import { birthDateFromIdNumber, idCheckChar, idNumberProblem, isValidIdNumber, isValidMobilePhone, maskIdNumber, maskName, maskPhone } from './personal-data.js';

describe('resident ID numbers', () => {
  it('accepts a number with a correct check character, including X', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('refuses a wrong check character, an impossible date, or a wrong length', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300028')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
  });

  it('reads the birth date', () => {
    expect(birthDateFromIdNumber('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateFromIdNumber('bad')).toBeNull();
  });

  it('masks all but the first character', () => {
    expect(maskIdNumber('320105194805121234')).toBe('3*****************');
  });
});

describe('phones and names', () => {
  it('validates mainland mobile numbers', () => {
    expect(isValidMobilePhone('13812345678')).toBe(true);
    expect(isValidMobilePhone('12812345678')).toBe(false);
    expect(isValidMobilePhone('1381234567')).toBe(false);
  });

  it('masks the middle of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps only the family name', () => {
    expect(maskName('王建国')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
  });
});

describe('GB 11643 structure: address code, birth date, sequence, check character', () => {
  // 11010519491231002X is GB 11643's own example: 110105 (北京市朝阳区), 1949-12-31, 002 (even: female), X.
  it('refuses a birth date after today, and accepts the day itself', () => {
    const born = (ymd: string, seq = '123') => `320583${ymd}${seq}` + idCheckChar(`320583${ymd}${seq}`);
    expect(idNumberProblem(born('20261128'), '2026-11-27')).toMatch(/晚于今天/);
    expect(isValidIdNumber(born('20261128'), '2026-11-27')).toBe(false);
    expect(isValidIdNumber(born('20261127'), '2026-11-27')).toBe(true);
    expect(isValidIdNumber(born('20261128'))).toBe(true);
  });

  it('refuses impossible dates: 30 February, month 13, 29 February outside a leap year', () => {
    const withCheck = (first17: string) => first17 + idCheckChar(first17);
    expect(idNumberProblem(withCheck('32058319480230123'))).toMatch(/不存在/);
    expect(idNumberProblem(withCheck('32058319481301123'))).toMatch(/不存在/);
    expect(idNumberProblem(withCheck('32058319490229123'))).toMatch(/不存在/);
    expect(idNumberProblem(withCheck('32058319480229123'))).toBeNull();
  });

  it('computes the check character with the ISO 7064 MOD 11-2 weights', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idNumberProblem('110105194912310021')).toMatch(/校验位/);
    expect(idNumberProblem('1101051949123100')).toMatch(/18 位/);
  });

  it('masks everything but the first character', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1*****************');
  });
});
