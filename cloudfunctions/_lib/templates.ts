/**
 * Subscribe-message templates (ids come from the mini-program's console, through function
 * environment variables; placeholders locally). Residents: ticket progress, completion, reply,
 * notices. Staff: new assignment, emergency, deadline warning, callback due.
 */
export const TEMPLATES = {
  progress: process.env.LINLI_TPL_PROGRESS || 'TPL_TICKET_PROGRESS',
  done: process.env.LINLI_TPL_DONE || 'TPL_TICKET_DONE',
  reply: process.env.LINLI_TPL_REPLY || 'TPL_TICKET_REPLY',
  notice: process.env.LINLI_TPL_NOTICE || 'TPL_NOTICE',
  assigned: process.env.LINLI_TPL_ASSIGNED || 'TPL_STAFF_ASSIGNED',
  emergency: process.env.LINLI_TPL_EMERGENCY || 'TPL_STAFF_EMERGENCY',
  deadline: process.env.LINLI_TPL_DEADLINE || 'TPL_STAFF_DEADLINE',
  callback: process.env.LINLI_TPL_CALLBACK || 'TPL_STAFF_CALLBACK',
  /** Residents: the day-before move-in reminder (入住办理提醒). */
  movein: process.env.LINLI_TPL_MOVEIN || 'TPL_MOVEIN_REMIND',
};

export type TemplateKey = keyof typeof TEMPLATES;

/** WeChat's field limits: `thing` ≤ 20 characters, `phrase` ≤ 5. */
export const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
