import { ticketCategoryOf } from '../../src/domain/facilities';
import type { StaffDoc } from '../_lib/caller';
import type { ActionContext } from '../_lib/handler';
import { openTicket } from '../_lib/ticket-store';
import type { AssetDoc } from './facilities';

export interface RaiseInput {
  /** The anomaly's key: (round, stop, item) for a reading, (staff, client request) for a 报修. */
  key: string;
  asset: AssetDoc | null;
  area?: string;
  description: string;
  label: string;
  source: 'round' | 'asset';
  roundId: string | null;
  staff: StaffDoc;
  at: Date;
}

/**
 * One repair ticket per anomaly: the anomaly is recorded under its key first (so the asset's
 * history and the analysis count it once), then the ticket is opened with the same key (the
 * store answers the existing ticket on a retry) and its number written back.
 */
export async function raiseTicket(ctx: ActionContext, r: RaiseInput): Promise<{ ticketId: string; no: string; created: boolean }> {
  const { db } = ctx;
  const anomalyId = r.key;
  const existing = (await db.collection('facility_anomalies').where({ _id: anomalyId }).limit(1).get()).data[0] as any;
  if (!existing) {
    try {
      await db.collection('facility_anomalies').add({
        _id: anomalyId,
        communityId: r.staff.communityId,
        assetId: r.asset?._id ?? null,
        roundId: r.roundId,
        source: r.source,
        label: r.label,
        description: r.description,
        at: r.at,
        ticketId: null,
        ticketNo: null,
      });
    } catch (e) {
      if ((e as any)?.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
    }
  }
  const a = r.asset;
  const t = await openTicket(ctx, {
    key: `facility:${anomalyId}`,
    communityId: r.staff.communityId,
    type: 'repair',
    category: ticketCategoryOf(a?.system ?? ''),
    description: r.description.slice(0, 500),
    location: { kind: 'public', building: a?.building || undefined, floor: a?.floor || undefined, area: (a ? `${a.area} ${a.name}` : (r.area ?? '公共区域')).slice(0, 60) },
    reporter: { openid: null, name: r.staff.name, phone: r.staff.phone },
    channel: 'staff',
    origin: { kind: r.source === 'round' ? 'facility-round' : 'facility-asset', id: r.roundId ?? a?._id ?? anomalyId, label: r.label },
    firstContactStaffId: r.staff._id,
  });
  if (!existing?.ticketId) await db.collection('facility_anomalies').doc(anomalyId).update({ ticketId: t.ticketId, ticketNo: t.no });
  return t;
}
