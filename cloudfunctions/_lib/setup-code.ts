import { createHash } from 'node:crypto';

/** Setup codes are stored only as this hash (the bootstrap script and the onboarding function share it). */
export const hashSetupCode = (code: string) => createHash('sha256').update(`linli-setup:${code}`).digest('hex');
