import type { ChildView, CreateChildInput, UpdateChildInput } from '@carecircle/shared'
import { CHILDCARE_MAX_AGE_MONTHS, ageInMonths, birthDateFromIdNumber, isValidIdNumber } from '@carecircle/shared'
import { isYmd } from './dates'
import type { FieldErrors } from './field-errors'

export interface ChildFormValues {
  name: string
  /** YYYY-MM-DD */
  birthDate: string
  /** Optional; empty on edit keeps the stored number. */
  idNumber: string
}

export const CHILD_FORM_KEYS = ['name', 'birthDate', 'idNumber'] as const

export function emptyChildForm(): ChildFormValues {
  return { name: '', birthDate: '', idNumber: '' }
}

export function childFormFromView(view: ChildView): ChildFormValues {
  return { name: view.name, birthDate: view.birthDate.slice(0, 10), idNumber: '' }
}

export const TOO_OLD_MESSAGE = '托育服务只面向 3 周岁以下的婴幼儿，这个孩子已满 3 周岁，不能添加'

export function validateChildForm(values: ChildFormValues, today: string): FieldErrors {
  const errors: FieldErrors = {}
  const name = values.name.trim()
  if (!name) errors.name = '请填写孩子姓名'
  else if (name.length > 40) errors.name = '姓名不能超过 40 个字'

  const birthDate = values.birthDate.trim()
  if (!birthDate) errors.birthDate = '请选择出生日期'
  else if (!isYmd(birthDate)) errors.birthDate = '出生日期格式应为 年-月-日，例如 2024-05-01'
  else if (birthDate > today) errors.birthDate = '出生日期不能晚于今天'
  else if (ageInMonths(birthDate, today) >= CHILDCARE_MAX_AGE_MONTHS) errors.birthDate = TOO_OLD_MESSAGE

  const idNumber = values.idNumber.trim()
  if (idNumber) {
    if (!isValidIdNumber(idNumber)) {
      errors.idNumber = '身份证号格式不正确，请核对 18 位号码（含末位校验码）'
    } else if (birthDate && isYmd(birthDate) && birthDateFromIdNumber(idNumber) !== birthDate) {
      errors.idNumber = `身份证号中的出生日期（${birthDateFromIdNumber(idNumber)}）与所填出生日期不一致`
    }
  }
  return errors
}

export function toCreateChildInput(values: ChildFormValues): CreateChildInput {
  const input: CreateChildInput = { name: values.name.trim(), birthDate: values.birthDate.trim() }
  if (values.idNumber.trim()) input.idNumber = values.idNumber.trim().toUpperCase()
  return input
}

export function toUpdateChildInput(values: ChildFormValues, original: ChildView): UpdateChildInput {
  const patch: UpdateChildInput = {}
  if (values.name.trim() !== original.name) patch.name = values.name.trim()
  if (values.birthDate.trim() !== original.birthDate.slice(0, 10)) patch.birthDate = values.birthDate.trim()
  if (values.idNumber.trim()) patch.idNumber = values.idNumber.trim().toUpperCase()
  return patch
}
