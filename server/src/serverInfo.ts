/** The server's version, read from the extension's package.json next to the bundle or the build output (Node hosts). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The extension's package name. */
const PACKAGE_NAME = 'zh-report';

/**
 * The version in the nearest package.json named "zh-report" above `dir` (dist/ when bundled, out/server/ when
 * built by tsc), or "0.0.0-unknown" when there is none.
 */
export function serverVersion(dir: string = __dirname): string {
  let current = dir;
  for (let i = 0; i < 5; i++) {
    try {
      const manifest: unknown = JSON.parse(readFileSync(path.join(current, 'package.json'), 'utf8'));
      if (typeof manifest === 'object' && manifest !== null && 'name' in manifest && manifest.name === PACKAGE_NAME && 'version' in manifest && typeof manifest.version === 'string') {
        return manifest.version;
      }
    } catch {
      // no (readable) package.json here: look further up
    }
    const parent = path.dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  return '0.0.0-unknown';
}
