import type { ActionContext } from './handler';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Stores bytes a function made (an export, a template) the way the SDK's uploadFile does —
 * upload metadata, then a PUT with the authorization it issued — since the bundles leave out
 * uploadFile's XML parser. Answers the file id.
 */
export async function storeFile(ctx: Pick<ActionContext, 'app'>, cloudPath: string, body: Buffer, contentType = XLSX_CONTENT_TYPE): Promise<string> {
  const meta: any = await ctx.app.getUploadMetadata({ cloudPath });
  const m = meta?.data ?? {};
  if (!m.fileId || !m.url) throw new Error('getUploadMetadata answered no upload url');
  const res = await fetch(m.url, {
    method: 'PUT',
    headers: {
      'content-type': contentType,
      authorization: m.authorization ?? '',
      Signature: m.authorization ?? '',
      'x-cos-security-token': m.token ?? '',
      'x-cos-meta-fileid': m.cosFileId ?? '',
    },
    body: new Uint8Array(body),
  });
  if (res.status !== 200) throw new Error(`storage PUT answered ${res.status}`);
  return m.fileId;
}

/** A temporary download URL for a stored file (10 minutes by default), or null. */
export async function temporaryUrl(ctx: Pick<ActionContext, 'app'>, fileID: string, maxAgeSec = 600): Promise<string | null> {
  const res: any = await ctx.app.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSec }] } as any);
  return res?.fileList?.[0]?.tempFileURL ?? null;
}
