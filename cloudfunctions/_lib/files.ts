import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { act, type ActionContext } from './handler';
import type { Audience } from '../../src/domain/roles';

/**
 * Who may attach which file. A person never chooses where a file goes: they ask a function for an
 * upload slot (`prepareUpload`), which picks an unguessable path (no openid in it) and records the
 * uploader and their community in `uploads`. Every function that accepts file ids checks them here:
 * the id must name a slot the caller was issued (staff: one issued in their community), the bytes
 * must be in storage, and a file attached to one thing (a ticket, a notice) stays with it.
 */

/** What may be uploaded, by content type (the extension follows from it). */
export const UPLOAD_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'video/mp4': 'mp4', 'application/pdf': 'pdf' } as const;
export type UploadType = keyof typeof UPLOAD_TYPES;
export const UPLOAD_PURPOSES = ['ticket', 'notice', 'movein', 'event', 'facility', 'import'] as const;
/** Spreadsheets (and PDFs) for a data import: accepted for the 'import' purpose only. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_TYPES = { [XLSX_TYPE]: 'xlsx', 'application/pdf': 'pdf' } as const;
export type ImportType = keyof typeof IMPORT_TYPES;

export const prepareUploadInput = z
  .object({ contentType: z.enum(Object.keys(UPLOAD_TYPES) as [UploadType, ...UploadType[]], { message: '只支持 JPG、PNG、WEBP、GIF 图片、MP4 视频和 PDF 文件' }) })
  .strict();

export interface UploadDoc {
  _id: string;
  fileID: string;
  cloudPath: string;
  owner: string;
  /** The uploader's communities (a staff member's, or a resident's homes'). */
  communityIds: string[];
  purpose: (typeof UPLOAD_PURPOSES)[number];
  contentType: UploadType | ImportType;
  createdAt: Date;
  /** `ticket:<id>` or `notice:<id>` once attached; null before. */
  boundTo: string | null;
}

const SLOT = /\/uploads\/([a-f0-9]{32})\.(jpg|png|webp|gif|mp4|pdf|xlsx)$/;
const slotOf = (fileID: string) => SLOT.exec(fileID)?.[1] ?? null;
const REFUSED = '文件不存在或无权使用，请重新上传';

/**
 * A function's `prepareUpload` action when the slot needs only its purpose: the caller names the
 * file type (zod `schema`, default the shared one) and gets a slot of that purpose.
 */
export function uploadSlotAction(
  audience: readonly Audience[],
  purpose: UploadDoc['purpose'],
  description: string,
  schema: z.ZodType<{ contentType: UploadType }> = prepareUploadInput,
) {
  return act(audience, schema, (input, ctx) => issueUploadSlot(ctx, purpose, input.contentType), description);
}

/** Issues an upload slot: the path to upload to and, for the H5 build, the storage's upload authorization. */
export async function issueUploadSlot(ctx: ActionContext, purpose: UploadDoc['purpose'], contentType: UploadType | ImportType, forCommunityIds?: string[]) {
  const { caller } = ctx;
  // An import file (xlsx) only for an import; an import slot takes only an import file.
  const ext = purpose === 'import' ? IMPORT_TYPES[contentType as ImportType] : contentType === XLSX_TYPE ? undefined : UPLOAD_TYPES[contentType as UploadType];
  if (!ext) throw new AppError('INVALID_INPUT', '不支持的文件类型');
  // The caller decides the communities for an import (after checking the importer may manage them), or for a
  // person not yet bound who uploads into the community of something they hold (a move-in booking).
  const communityIds = forCommunityIds ?? (caller.staff ? [caller.staff.communityId] : [...new Set(caller.homes.map((h) => h.communityId))]);
  if (!communityIds.length) throw new AppError('FORBIDDEN', '请先绑定房屋');
  const id = randomBytes(16).toString('hex');
  const cloudPath = `uploads/${id}.${ext}`;
  const meta: any = await ctx.app.getUploadMetadata({ cloudPath });
  const m = meta?.data ?? {};
  if (!m.fileId) throw new Error('getUploadMetadata answered no fileId');
  const doc: UploadDoc = { _id: id, fileID: m.fileId, cloudPath, owner: caller.openid!, communityIds, purpose, contentType, createdAt: ctx.clock.now(), boundTo: null };
  await ctx.db.collection('uploads').add(doc);
  return { fileID: doc.fileID, cloudPath, upload: { url: m.url, authorization: m.authorization, token: m.token, cosFileId: m.cosFileId } };
}

function mayUse(ctx: ActionContext, u: UploadDoc | null | undefined, fileID: string, target: string): boolean {
  if (!u || u.fileID !== fileID) return false;
  const mine = u.owner === ctx.caller.openid || (!!ctx.caller.staff && u.communityIds.includes(ctx.caller.staff.communityId));
  return mine && (u.boundTo === null || u.boundTo === target);
}

/**
 * Checks outside a transaction (call before writing): every id names a slot the caller may use
 * for `target`, and the file was uploaded. Refuses with INVALID_INPUT, writing nothing.
 */
export async function verifyFiles(ctx: ActionContext, fileIds: readonly string[], target: string) {
  const ids = [...new Set(fileIds)];
  if (!ids.length) return;
  const slots = ids.map(slotOf);
  if (slots.some((s) => !s)) throw new AppError('INVALID_INPUT', REFUSED);
  const res = await ctx.db
    .collection('uploads')
    .where({ _id: ctx.db.command.in(slots as string[]) })
    .limit(ids.length)
    .get();
  const byId = new Map((res.data as UploadDoc[]).map((u) => [u._id, u]));
  if (ids.some((f, i) => !mayUse(ctx, byId.get(slots[i]!), f, target))) throw new AppError('INVALID_INPUT', REFUSED);
  const urls: any = await ctx.app.getTempFileURL({ fileList: ids.map((fileID) => ({ fileID, maxAge: 60 })) } as any);
  const stored = new Set((urls?.fileList ?? []).filter((f: any) => f.code === 'SUCCESS').map((f: any) => f.fileID));
  if (ids.some((f) => !stored.has(f))) throw new AppError('INVALID_INPUT', '文件尚未上传完成，请重新上传');
}

/** Inside the transaction that attaches the files: re-checks each slot and binds it to `target`. */
export async function claimFiles(tx: any, ctx: ActionContext, fileIds: readonly string[], target: string) {
  for (const fileID of new Set(fileIds)) {
    const slot = slotOf(fileID);
    const u = slot ? ((await tx.collection('uploads').doc(slot).get()).data as UploadDoc | null) : null;
    if (!mayUse(ctx, u, fileID, target)) throw new AppError('INVALID_INPUT', REFUSED);
    if (u!.boundTo !== target) await tx.collection('uploads').doc(slot).update({ boundTo: target });
  }
}

/** Verify and claim in one go, for writes that are not themselves a transaction (claim first, then write). */
export async function useFiles(ctx: ActionContext, fileIds: readonly string[], target: string) {
  if (!fileIds.length) return;
  await verifyFiles(ctx, fileIds, target);
  // Retried on a write conflict (the SDK's default attempts): two syncs of the same photos race
  // to bind the same slots, and the retry finds them bound to this target already (no write).
  await ctx.db.runTransaction(async (tx: any) => claimFiles(tx, ctx, fileIds, target));
}
