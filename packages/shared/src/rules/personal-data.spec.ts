import { birthDateFromIdNumber, isValidIdNumber, isValidMobilePhone, maskIdNumber, maskName, maskPhone } from './personal-data.js';

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

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('320105194805121234')).toBe('3201**********1234');
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
