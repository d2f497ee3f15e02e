import type { AnnouncementStatus, AnnouncementType, Scope } from '../../src/domain/announcements';

export interface AnnouncementDoc {
  _id: string;
  communityId: string;
  type: AnnouncementType;
  title: string;
  summary: string;
  body: string;
  scope: Scope;
  images: string[];
  attachments: { fileId: string; name: string }[];
  interruption: { reason: string; startAt: Date; endAt: Date } | null;
  pinned: boolean;
  status: AnnouncementStatus;
  /** Requested or scheduled publication time. */
  publishAt: Date | null;
  publishedAt: Date | null;
  expiresAt: Date | null;
  revisedAt: Date | null;
  restoredOf: string | null;
  override: { reason: string; by: string; byName: string; at: Date } | null;
  review: { by: string; byName: string; at: Date; approved: boolean; reason?: string } | null;
  withdrawn: { by: string; at: Date; reason: string } | null;
  /**
   * A desk member's change to a published notice while review is on: waits here for a
   * supervisor; the fields above stay the published version until it is approved.
   */
  revision?: {
    fields: Pick<AnnouncementDoc, 'type' | 'title' | 'summary' | 'body' | 'scope' | 'images' | 'attachments' | 'interruption' | 'pinned' | 'expiresAt'>;
    by: string;
    byName: string;
    at: Date;
    override: AnnouncementDoc['override'];
  } | null;
  /** targeting → sending → done (null before publication). */
  broadcastState: 'targeting' | 'sending' | 'done' | null;
  broadcastCursor: string | null;
  targeted: number;
  /** The poster's mini-program code (wxacode.getUnlimited), stored once per notice. */
  posterCode?: { fileId: string; scene: string; at: Date };
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeliveryDoc {
  _id: string;
  announcementId: string;
  communityId: string;
  openid: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  nextAttemptAt: Date | null;
  leaseUntil?: Date | null;
  errcode?: string;
  reason?: string;
  createdAt: Date;
  sentAt?: Date;
}
