import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface FormFieldProps {
  label: string
  required?: boolean
  error?: string
  hint?: ReactNode
  children: ReactNode
}

/** A labelled form row; the error, when there is one, sits right under the control it is about. */
export default function FormField({ label, required, error, hint, children }: FormFieldProps) {
  return (
    <View className={`cc-field${error ? ' cc-field--error' : ''}`}>
      <View className='cc-field__label'>
        <Text>{label}</Text>
        {required ? <Text className='cc-field__required'>（必填）</Text> : null}
      </View>
      <View className='cc-field__control'>{children}</View>
      {error ? <Text className='cc-field__error'>{error}</Text> : null}
      {hint && !error ? <View className='cc-field__hint'>{hint}</View> : null}
    </View>
  )
}


export { labelled } from './labelled'
