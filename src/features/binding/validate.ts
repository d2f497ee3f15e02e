import type { Relation } from '@/domain/roles'
import { checkName, checkPhone } from '@/domain/limits'

export interface BindingFields {
  unitId: string | null
  name: string
  phone: string
  relation: Relation | null
}
export type BindingErrors = Partial<Record<keyof BindingFields, string>>
/** The fields top to bottom as the form shows them (the first with an error is scrolled to). */
export const BINDING_FIELD_ORDER: readonly (keyof BindingFields)[] = ['unitId', 'name', 'phone', 'relation']

export function validateBinding(f: BindingFields): BindingErrors {
  const errors: BindingErrors = {}
  if (!f.unitId) errors.unitId = '请选择房屋'
  const name = checkName(f.name)
  if (name) errors.name = name
  const phone = checkPhone(f.phone)
  if (phone) errors.phone = phone
  if (!f.relation) errors.relation = '请选择与房屋的关系'
  return errors
}
