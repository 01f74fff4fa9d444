import type { FieldErrors } from '../../../../utils/field-errors'

export interface LocationValue {
  address: string
  lat: string
  lng: string
}

export interface LocationFieldProps {
  value: LocationValue
  errors: FieldErrors
  onChange: (patch: Partial<LocationValue>) => void
}
