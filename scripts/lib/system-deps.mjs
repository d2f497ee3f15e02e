import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/**
 * Browser tests need Debian's Chromium and a Chinese font (without one, Chinese renders
 * as empty boxes). Install them when we can (root with apt-get), otherwise stop with one
 * clear message.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

function hasChineseFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

export function ensureSystemDeps() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!hasChineseFont()) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('which', ['apt-get']).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`\nBrowser tests need Debian packages that are missing: ${missing.join(' ')}.\nInstall them with:  sudo apt-get install -y ${PACKAGES.join(' ')}\n`);
    process.exit(1);
  }
  console.log(`installing ${PACKAGES.join(' ')} with apt-get (once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`\napt-get ${args.join(' ')} failed. Install manually: apt-get install -y ${PACKAGES.join(' ')}`);
      process.exit(1);
    }
  }
}
