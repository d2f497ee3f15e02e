/**
 * Client-side checks with the same rules and messages as phoneSchema / personNameSchema in
 * src/domain/identity.ts. The cloud function validates again; these give inline feedback.
 */
export const PHONE_RE = /^1\d{10}$/

export function checkName(name: string): string | undefined {
  const n = name.trim()
  if (!n) return '请输入姓名'
  if (n.length > 20) return '姓名不超过 20 个字'
  return undefined
}

export function checkPhone(phone: string): string | undefined {
  return PHONE_RE.test(phone.trim()) ? undefined : '请输入 11 位手机号'
}
