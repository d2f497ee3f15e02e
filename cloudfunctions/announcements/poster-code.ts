import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { canDoAnnouncement, NOTICE_CODE_PAGE, noticeScene } from '../../src/domain/announcements';
import type { announcementInputs, PosterCodeView } from '../../src/domain/announcements-api';
import type { ActionContext } from '../_lib/handler';
import { storeFile, temporaryUrl } from '../_lib/stored-file';
import { load } from './compose';
import type { AnnouncementDoc } from './model';
import { announcementRole, announcementState } from './views';

type In<K extends keyof typeof announcementInputs> = z.infer<(typeof announcementInputs)[K]>;

const failed = () => new AppError('INTERNAL', '小程序码生成失败，请稍后重试');

/**
 * The image WeChat answers for `wxacode.getUnlimited` (HTTPS name /wxa/getwxacodeunlimit): the
 * picture's bytes on success, `{errcode, errmsg}` JSON on failure. Through CloudBase's wx.api the
 * bytes arrive as the cloud call's `{ contentType, buffer }` (buffer as bytes or base64).
 */
function imageOf(res: any): { body: Buffer; contentType: string } | null {
  const r = res?.result ?? res;
  if (Buffer.isBuffer(r)) return { body: r, contentType: 'image/png' };
  if (!r || typeof r !== 'object' || (r.errcode ?? r.errCode ?? 0) !== 0) return null;
  const raw = r.buffer;
  const body = Buffer.isBuffer(raw) ? raw : typeof raw === 'string' ? Buffer.from(raw, 'base64') : raw?.type === 'Buffer' && Array.isArray(raw.data) ? Buffer.from(raw.data) : null;
  if (!body?.length) return null;
  return { body, contentType: typeof r.contentType === 'string' && /^image\/(png|jpeg)$/.test(r.contentType) ? r.contentType : 'image/png' };
}

async function makeCode(ctx: ActionContext, scene: string) {
  let res: unknown;
  try {
    res = await ctx.app.callWxOpenApi({
      apiName: '/wxa/getwxacodeunlimit',
      // check_path false: the code also works before the page is in a released version (trial builds).
      requestData: { scene, page: NOTICE_CODE_PAGE, check_path: false, width: 430 },
    } as any);
  } catch (e) {
    console.warn('getwxacodeunlimit unavailable', (e as Error).message);
    throw failed();
  }
  const image = imageOf(res);
  if (!image) {
    console.warn('getwxacodeunlimit refused', JSON.stringify((res as any)?.result ?? res).slice(0, 200));
    throw failed();
  }
  return image;
}

/**
 * The notice's mini-program code for its poster: WeChat's `getUnlimited` code opening
 * pages/notice/index with the notice in `scene`, made once per notice and stored; later calls
 * (another print, a double tap) answer the stored image.
 */
export async function posterCode(input: In<'posterCode'>, ctx: ActionContext): Promise<PosterCodeView> {
  const a = await load(ctx, input.announcementId);
  if (!canDoAnnouncement(announcementState(a), announcementRole(ctx, a), 'poster')) throw new AppError('CONFLICT', '草稿、待审核或已撤回的公告不能生成海报');
  const scene = noticeScene(a._id);
  if (!scene) throw new AppError('CONFLICT', '该公告编号无法生成小程序码');
  const answer = async (doc: Pick<AnnouncementDoc, 'posterCode'>) => {
    const url = doc.posterCode ? await temporaryUrl(ctx, doc.posterCode.fileId, 3600) : null;
    return url ? { scene, page: NOTICE_CODE_PAGE, url } : null;
  };
  const stored = await answer(a);
  if (stored) return stored;
  const image = await makeCode(ctx, scene);
  // One path per notice: a concurrent second call writes the same picture to the same file.
  const fileId = await storeFile(ctx, `notice-codes/${a._id}.${image.contentType === 'image/jpeg' ? 'jpg' : 'png'}`, image.body, image.contentType);
  const _ = ctx.db.command;
  await ctx.db
    .collection('announcements')
    .where({ _id: a._id, posterCode: _.exists(false) })
    .update({ posterCode: _.set({ fileId, scene, at: ctx.clock.now() }) });
  const done = await answer(await load(ctx, a._id));
  if (!done) throw failed();
  return done;
}
