import { ApiError, errorMessage } from '../services/api-error'
import { type MappedFieldErrors, mapFieldErrors } from './field-errors'

/**
 * Turns a failed submit into what the form shows: server field errors under their fields, an error
 * code that is about one field (e.g. `ELDER.ID_NUMBER_TAKEN` → idNumber) under that field, the rest
 * as general messages for a toast.
 */
export function formErrorsFromApi(
  err: unknown,
  knownKeys: readonly string[],
  codeFields: Readonly<Record<string, string>> = {},
): MappedFieldErrors {
  if (err instanceof ApiError) {
    if (err.fieldErrors.length > 0) {
      const mapped = mapFieldErrors(err.fieldErrors, knownKeys)
      // A business refusal that names a field (e.g. the ID number is already registered) also says
      // what to do about it; only plain validation failures are fully explained by the field notes.
      if (err.error !== 'VALIDATION_FAILED') return { ...mapped, general: [err.message, ...mapped.general] }
      return mapped
    }
    const field = codeFields[err.error]
    if (field && knownKeys.includes(field)) return { byField: { [field]: err.message }, general: [] }
  }
  return { byField: {}, general: [errorMessage(err)] }
}
