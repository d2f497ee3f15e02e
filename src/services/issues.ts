import { CloudError } from './cloud'

/**
 * The field a refusal is about: the backend's zod issues carry a path (`slots.0.capacity`), so a
 * form can show the backend's Chinese message under the field it concerns. Null when it names none.
 */
export function issuePath(err: unknown): string | null {
  if (!(err instanceof CloudError)) return null
  const issues = (err.details as { issues?: { path?: string }[] } | undefined)?.issues
  return issues?.[0]?.path || null
}
