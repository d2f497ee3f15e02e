/**
 * Client-side checks with the same rules and messages as phoneSchema / personNameSchema in
 * src/domain/identity.ts (both read src/domain/limits.ts). The cloud function validates again;
 * these give inline feedback.
 */
import { NAME_REQUIRED, NAME_TOO_LONG, PERSON_NAME_MAX, PHONE_INVALID, PHONE_RE } from '@/domain/limits'

export { PHONE_RE }

export function checkName(name: string): string | undefined {
  const n = name.trim()
  if (!n) return NAME_REQUIRED
  if (n.length > PERSON_NAME_MAX) return NAME_TOO_LONG
  return undefined
}

export function checkPhone(phone: string): string | undefined {
  return PHONE_RE.test(phone.trim()) ? undefined : PHONE_INVALID
}
