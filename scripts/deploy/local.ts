// Reads the built site from disk: every file with its site-relative path, size and MD5.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LocalFile } from './plan.ts';

/** Every file under dir (sorted, '/'-separated paths), skipping dotfiles such as .DS_Store. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export const md5Of = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

export function readSite(dir: string): LocalFile[] {
  return listFiles(dir).map((path) => {
    const bytes = readFileSync(join(dir, path));
    return { path, md5: md5Of(bytes), size: bytes.length };
  });
}
