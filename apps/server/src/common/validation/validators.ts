import { isValidIdNumber, isValidMobilePhone } from '@carecircle/shared';
import { registerDecorator, type ValidationOptions } from 'class-validator';

function rule(name: string, test: (value: unknown) => boolean, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({ name, target: object.constructor, propertyName, options, validator: { validate: test } });
}

/** 18-character resident identity number with a valid birth date and check character. */
export const IsChineseIdNumber = (options?: ValidationOptions) =>
  rule('isChineseIdNumber', (v) => typeof v === 'string' && isValidIdNumber(v), options);

export const IsChineseMobile = (options?: ValidationOptions) =>
  rule('isChineseMobile', (v) => typeof v === 'string' && isValidMobilePhone(v), options);

/** A real calendar date written YYYY-MM-DD. */
export const IsCalendarDate = (options?: ValidationOptions) =>
  rule(
    'isCalendarDate',
    (v) => {
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    },
    options,
  );
