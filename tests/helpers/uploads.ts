import type { LocalCloudBase } from './local-cloudbase';

/** A 1×1 PNG. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * Uploads as the client does: ask the function that will receive the file for a slot
 * (`prepareUpload`), then PUT the bytes to the storage URL with the authorization it issued
 * (the headers `@cloudbase/node-sdk`'s own uploadFile sends). Answers the slot's fileID.
 */
export async function uploadAs(lc: LocalCloudBase, openid: string, opts: { fn?: 'tickets' | 'announcements'; body?: Buffer; contentType?: string } = {}): Promise<string> {
  const { fn = 'tickets', body = PNG, contentType = 'image/png' } = opts;
  const slot = await lc.call(fn, 'prepareUpload', { contentType }, openid);
  if (!slot.ok) throw new Error(`prepareUpload refused: ${JSON.stringify(slot.error)}`);
  const { url, authorization = '', token = '', cosFileId = '' } = slot.data.upload;
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': contentType, authorization, Signature: authorization, 'x-cos-security-token': token, 'x-cos-meta-fileid': cosFileId },
    body: body as any,
  });
  if (res.status !== 200) throw new Error(`upload PUT answered ${res.status}`);
  return slot.data.fileID;
}
