export interface BirthDateFieldProps {
  value: string
  /** YYYY-MM-DD, the latest date allowed (today). */
  max: string
  /** YYYY-MM-DD, the earliest date offered. */
  min: string
  onChange: (value: string) => void
}
