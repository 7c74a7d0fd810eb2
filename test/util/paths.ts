/** Paths the protocol tests need, found from the repository root (the directory of the zh-report package.json). */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === 'zh-report') {
        return dir;
      }
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`no zh-report package.json above ${start}`);
    }
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);

/** The founding sample: a scraped traditional-Chinese report with pinyin glosses and GBK mojibake. */
export const SEED_PATH = path.join(REPO_ROOT, 'seeds', 'chongqing-minjin-2017-scraped.txt');

/** A file of the build (dist/…), with a hint when it has not been built. */
export function builtFile(relative: string): string {
  const file = path.join(REPO_ROOT, relative);
  if (!existsSync(file)) {
    throw new Error(`${relative} is missing: run \`npx tsc -b && node scripts/bundle.mjs\` first`);
  }
  return file;
}

/** The version in package.json. */
export function packageVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  throw new Error('package.json has no version');
}
