import type { FieldError } from '@carecircle/shared';
import { ErrorCode } from '@carecircle/shared';
import type { ValidationError } from 'class-validator';
import { DomainError } from './domain-error.js';

// class-validator runs a property's decorators bottom-up; people want "请填写…" before "最多 40 个字".
const FIRST = ['whitelistValidation', 'isDefined', 'isNotEmpty', 'isString', 'isArray', 'isNumber', 'isInt', 'isObject'];
/** Messages that already ask for the missing value. */
const SAYS_REQUIRED = /^(请填写|请选择|请输入|请上传|请至少|请在|请提供|缺少|必填)/;
const rank = (constraint: string) => {
  const i = FIRST.indexOf(constraint);
  return i === -1 ? FIRST.length : i;
};

/** One readable message per field, with dotted paths for nested fields: `emergencyContacts.0.phone`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {}).sort(([a], [b]) => rank(a) - rank(b));
    if (constraints.length > 0) {
      const [name, message] = constraints[0];
      // A field left out is told it is required, not that its (absent) value has the wrong type.
      const missing = Object.hasOwn(error, 'value') && error.value === undefined && name !== 'whitelistValidation' && !SAYS_REQUIRED.test(message);
      out.push({ field, message: name === 'whitelistValidation' ? '不支持这个字段，请删除' : missing ? `必填：${message}` : message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

export function validationFailed(errors: ValidationError[]): DomainError {
  const fields = flattenValidationErrors(errors);
  const first = fields[0];
  const message = first ? `${first.field}: ${first.message}` : '请求参数有误';
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, { fields });
}
