import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

/**
 * Cloud storage on disk. File ids look like CloudBase's (`cloud://<env>.<bucket>/<path>`);
 * temporary URLs are signed and expire.
 */
export class Storage {
  private readonly secret = randomBytes(16).toString('hex');
  readonly bucket: string;

  constructor(
    private readonly root: string,
    private readonly env: string,
    private readonly baseUrl: () => string,
  ) {
    mkdirSync(root, { recursive: true });
    this.bucket = `${Buffer.from(env).toString('hex').slice(0, 4)}-${env}`;
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

  safePath(p: string): string | null {
    if (typeof p !== 'string' || p.length === 0 || p.length > 1024) return null;
    const n = normalize(p).replace(/^[/\\]+/, '');
    if (n.startsWith('..') || n.split(sep).includes('..')) return null;
    return n;
  }

  uploadMetadata(path: string) {
    const url = `${this.baseUrl()}/cos/${encodeURIComponent(path)}`;
    return { url, token: 'local', authorization: 'local', fileId: this.fileId(path), cosFileId: path, download_url: url };
  }

  put(path: string, body: Buffer) {
    const file = join(this.root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }

  exists(path: string) {
    return existsSync(join(this.root, path));
  }

  read(path: string): Buffer | null {
    const file = join(this.root, path);
    return existsSync(file) ? readFileSync(file) : null;
  }

  remove(path: string): boolean {
    const file = join(this.root, path);
    if (!existsSync(file)) return false;
    rmSync(file);
    return true;
  }

  sign(path: string, expires: number) {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest('hex').slice(0, 32);
  }

  tempUrl(path: string, maxAgeSec: number, nowMs: number) {
    const expires = Math.floor(nowMs / 1000) + Math.max(1, Math.min(maxAgeSec || 7200, 86400));
    return `${this.baseUrl()}/files/${path.split('/').map(encodeURIComponent).join('/')}?expires=${expires}&sign=${this.sign(path, expires)}`;
  }

  verify(path: string, expires: number, sign: string, nowMs: number) {
    return Number.isFinite(expires) && expires * 1000 >= nowMs && sign === this.sign(path, expires);
  }
}
