/**
 * Client-side checks with the same rules and messages as phoneSchema / personNameSchema in
 * src/domain/identity.ts (both read src/domain/limits.ts). The cloud function validates again;
 * these give inline feedback.
 */
export { checkName, checkPhone, PHONE_RE } from '@/domain/limits'
