import { createHash } from 'node:crypto';

/** A deterministic document id: the same inputs always name the same document, so a retry cannot create a second one. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, 24)}`;
}

export function isDuplicate(e: unknown): boolean {
  return (e as any)?.code === 'DATABASE_DUPLICATE_WRITE';
}
