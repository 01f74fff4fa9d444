import { ErrorCode } from '@carecircle/shared';
import type { ValidationError } from 'class-validator';
import { httpStatusFor } from './domain-error.js';
import { flattenValidationErrors } from './validation.js';

describe('flattenValidationErrors', () => {
  it('puts "missing" before "too long" and gives one message per field with dotted paths', () => {
    const errors = [
      { property: 'name', constraints: { maxLength: '最多 40 个字', isNotEmpty: '请填写姓名' }, children: [] },
      { property: 'contacts', children: [{ property: '0', children: [{ property: 'phone', constraints: { isChineseMobile: '手机号无效' }, children: [] }] }] },
      { property: 'foo', constraints: { whitelistValidation: 'property foo should not exist' }, children: [] },
    ] as unknown as ValidationError[];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'name', message: '请填写姓名' },
      { field: 'contacts.0.phone', message: '手机号无效' },
      { field: 'foo', message: '不支持这个字段，请删除' },
    ]);
  });
});

describe('a missing field', () => {
  it('is told it is required, unless its message already asks for it', () => {
    const errors = [
      { property: 'onDuty', value: undefined, constraints: { isBoolean: 'onDuty 应为 true 或 false' }, children: [] },
      { property: 'name', value: undefined, constraints: { isNotEmpty: '请填写姓名', isString: '姓名必须是文字' }, children: [] },
      { property: 'stars', value: 'five', constraints: { isInt: '评分应为 1–5 的整数' }, children: [] },
    ] as unknown as ValidationError[];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'onDuty', message: '必填：onDuty 应为 true 或 false' },
      { field: 'name', message: '请填写姓名' },
      { field: 'stars', message: '评分应为 1–5 的整数' },
    ]);
  });
});

describe('httpStatusFor', () => {
  it('maps every error code to a status', () => {
    for (const code of Object.values(ErrorCode)) expect(httpStatusFor(code)).toBeGreaterThanOrEqual(400);
    expect(httpStatusFor(ErrorCode.ELDER_NOT_FOUND)).toBe(404);
    expect(httpStatusFor(ErrorCode.ELDER_ID_NUMBER_TAKEN)).toBe(409);
  });
});
