import type { Database } from './cloud';

/**
 * WeChat subscribe messages are one-time: each consent a user grants (a tap on 允许) allows
 * exactly one message of that template. This ledger counts what each user has left, per template.
 */
export async function grantConsents(db: Database, openid: string, templateIds: string[], at: Date) {
  const _ = db.command;
  for (const templateId of new Set(templateIds)) {
    const id = `${openid}:${templateId}`;
    const res = await db
      .collection('subscriptions')
      .where({ _id: id })
      .update({ remaining: _.inc(1), updatedAt: at });
    if (res.updated === 0) {
      try {
        await db.collection('subscriptions').add({ _id: id, openid, templateId, remaining: 1, updatedAt: at });
      } catch (e: any) {
        if (e?.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
        await db
          .collection('subscriptions')
          .where({ _id: id })
          .update({ remaining: _.inc(1), updatedAt: at });
      }
    }
  }
}

/** Takes one consent if one is left (atomically); false means "send in-app instead". */
export async function takeConsent(db: Database, openid: string, templateId: string, at: Date): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection('subscriptions')
    .where({ _id: `${openid}:${templateId}`, remaining: _.gt(0) })
    .update({ remaining: _.inc(-1), updatedAt: at });
  return res.updated === 1;
}

/** WeChat said there is no consent left (43101): believe it. */
export async function clearConsent(db: Database, openid: string, templateId: string, at: Date) {
  await db
    .collection('subscriptions')
    .where({ _id: `${openid}:${templateId}` })
    .update({ remaining: 0, updatedAt: at });
}
