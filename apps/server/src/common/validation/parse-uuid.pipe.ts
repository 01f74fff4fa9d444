import { ErrorCode } from '@carecircle/shared';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids are UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class ParseUuidPipe implements PipeTransform<string | undefined, string | undefined> {
  protected readonly optional: boolean = false;

  transform(value: string | undefined, metadata: ArgumentMetadata): string | undefined {
    if (this.optional && (value === undefined || value === '')) return undefined;
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `${field}: 应为有效的编号（UUID）`, { fields: [{ field, message: '应为有效的编号（UUID）' }] });
  }
}

/** The same for an optional query parameter: absent is fine, malformed is not. */
@Injectable()
export class ParseOptionalUuidPipe extends ParseUuidPipe {
  protected override readonly optional: boolean = true;
}
