import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, normalize } from 'node:path';

/** How long an upload authorization from `storage.getUploadMetadata` is valid. */
export const UPLOAD_AUTH_TTL_S = 600;

/** A storage request that cannot be carried out as asked (the server answers 4xx, never 500). */
export class StorageError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Media types served inline from the app's origin: passive images, video and PDF. Every other
 * file is served as `application/octet-stream` with `Content-Disposition: attachment`, so an
 * uploaded `.html` or `.svg` never runs as a page of the app's origin.
 */
const INLINE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
};

/** The response headers a stored file is served with (type, disposition, no sniffing). */
export function downloadHeaders(path: string): Record<string, string> {
  const type = INLINE_TYPES[extname(path).toLowerCase()];
  const headers: Record<string, string> = { 'content-type': type ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' };
  // A document opened from here gets no scripts and no origin (PDF is left to the browser's viewer).
  if (type !== 'application/pdf') headers['content-security-policy'] = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'";
  if (!type) {
    const name = basename(path);
    const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    headers['content-disposition'] = `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  }
  return headers;
}

/**
 * Cloud storage on disk. File ids look like CloudBase's (`cloud://<env>.<bucket>/<path>`).
 * Uploads need the authorization `storage.getUploadMetadata` issued for exactly that path;
 * temporary download URLs are signed, expire, and name the file only through an encrypted
 * token, so no path (and nothing a path may contain, such as an uploader's id) appears in them.
 * The keys are private to this object: never serialised, never sent.
 */
export class Storage {
  readonly #uploadKey: Buffer;
  readonly #urlKey: Buffer;
  readonly #sealKey: Buffer;
  readonly bucket: string;

  constructor(
    private readonly root: string,
    private readonly env: string,
    private readonly baseUrl: () => string,
  ) {
    mkdirSync(root, { recursive: true });
    this.bucket = `${Buffer.from(env).toString('hex').slice(0, 4)}-${env}`;
    const secret = randomBytes(32);
    const derive = (label: string) => createHmac('sha256', secret).update(label).digest();
    this.#uploadKey = derive('upload');
    this.#urlKey = derive('download-url');
    this.#sealKey = derive('download-seal');
  }

  fileId(path: string) {
    return `cloud://${this.env}.${this.bucket}/${path}`;
  }

  /** The cloud path of a file id, or null when the id is not one of ours. */
  pathOf(fileId: string): string | null {
    const prefix = `cloud://${this.env}.${this.bucket}/`;
    if (typeof fileId !== 'string' || !fileId.startsWith(prefix)) return null;
    return this.safePath(fileId.slice(prefix.length));
  }

  /**
   * A cloud path normalised to `a/b/c.ext`, or null when it is not one we store: empty, over
   * 1024 characters, control characters or backslashes, a `.`/`..`/empty segment (a trailing
   * slash), or a segment over 255 bytes.
   */
  safePath(p: unknown): string | null {
    if (typeof p !== 'string' || p.length === 0 || p.length > 1024) return null;
    if (/[\u0000-\u001f\u007f\\]/.test(p)) return null;
    const n = normalize(p).replace(/^\/+/, '');
    const segments = n.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..' || Buffer.byteLength(s) > 255)) return null;
    return n;
  }

  // --- uploads ------------------------------------------------------------------------

  private uploadSignature(path: string, expires: number, token: string) {
    return createHmac('sha256', this.#uploadKey).update(`put\n${path}\n${expires}\n${token}`).digest('hex');
  }

  /** What `storage.getUploadMetadata` answers: where to PUT, and the authorization for this path only. */
  uploadMetadata(path: string, nowMs: number) {
    const start = Math.floor(nowMs / 1000);
    const expires = start + UPLOAD_AUTH_TTL_S;
    const token = randomBytes(16).toString('hex');
    const authorization = `q-sign-algorithm=sha256&q-key-time=${start};${expires}&q-signature=${this.uploadSignature(path, expires, token)}`;
    const url = `${this.baseUrl()}/cos/${encodeURIComponent(path)}`;
    return { url, token, authorization, fileId: this.fileId(path), cosFileId: path, download_url: url };
  }

  /** Whether a PUT of `path` carries an unexpired authorization issued for exactly that path. */
  verifyUpload(path: string, authorization: unknown, token: unknown, nowMs: number): boolean {
    if (typeof authorization !== 'string' || typeof token !== 'string' || !/^[0-9a-f]{32}$/.test(token)) return false;
    const m = /^q-sign-algorithm=sha256&q-key-time=(\d{1,12});(\d{1,12})&q-signature=([0-9a-f]{64})$/.exec(authorization);
    if (!m) return false;
    const expires = Number(m[2]);
    if (expires * 1000 < nowMs) return false;
    return safeEqualHex(m[3], this.uploadSignature(path, expires, token));
  }

  /** Stores the bytes; a path that collides with a folder (or a file where a folder must be) is a 409. */
  put(path: string, body: Buffer) {
    const file = join(this.root, path);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, body);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST') throw new StorageError(409, 'PathConflict', 'the key collides with an existing folder or file');
      if (code === 'ENAMETOOLONG') throw new StorageError(400, 'KeyTooLong', 'the key is too long');
      throw e;
    }
  }

  private file(path: string): string | null {
    const file = join(this.root, path);
    try {
      return statSync(file).isFile() ? file : null;
    } catch {
      return null;
    }
  }

  exists(path: string) {
    return this.file(path) !== null;
  }

  read(path: string): Buffer | null {
    const file = this.file(path);
    return file ? readFileSync(file) : null;
  }

  remove(path: string): boolean {
    const file = this.file(path);
    if (!file) return false;
    rmSync(file);
    return true;
  }

  // --- temporary download URLs ----------------------------------------------------------

  private urlSignature(id: string, expires: number) {
    return createHmac('sha256', this.#urlKey).update(`${id}\n${expires}`).digest('hex').slice(0, 32);
  }

  /** An opaque, authenticated name for a path (AES-256-GCM): reveals nothing of the path. */
  private seal(path: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#sealKey, iv);
    const ct = Buffer.concat([cipher.update(path, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, ct, cipher.getAuthTag()]).toString('base64url');
  }

  private unseal(id: string): string | null {
    if (!/^[A-Za-z0-9_-]{40,2800}$/.test(id)) return null;
    const raw = Buffer.from(id, 'base64url');
    if (raw.length < 29) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#sealKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  tempUrl(path: string, maxAgeSec: number, nowMs: number) {
    const expires = Math.floor(nowMs / 1000) + Math.max(1, Math.min(maxAgeSec || 7200, 86400));
    const id = this.seal(path);
    return `${this.baseUrl()}/files/${id}?expires=${expires}&sign=${this.urlSignature(id, expires)}`;
  }

  /** The path a temporary URL names, or null when the URL is forged, tampered with or expired. */
  openTempUrl(id: string, expires: number, sign: string, nowMs: number): string | null {
    if (!Number.isFinite(expires) || expires * 1000 < nowMs) return null;
    if (!/^[0-9a-f]{32}$/.test(sign) || !safeEqualHex(sign, this.urlSignature(id, expires))) return null;
    const path = this.unseal(id);
    return path === null ? null : this.safePath(path);
  }
}

function safeEqualHex(a: string, b: string) {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
