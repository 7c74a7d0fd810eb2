/**
 * Does the user's `files.associations` setting map a file explicitly? Pure (no vscode) so it can be unit-tested.
 *
 * Follows VS Code's rules for `files.associations` keys: a pattern that contains a `/` is matched against the
 * whole path, any other pattern against the file name; matching is case-insensitive; globs use `*`, `**`, `?`,
 * `[…]` and `{a,b}`. When a pattern cannot be understood, it counts as a match: auto-detection must not
 * override what the user may have configured.
 */

/** True when one of the `associations` patterns matches `filePath` (forward or back slashes). */
export function isExplicitlyAssociated(associations: Readonly<Record<string, unknown>> | undefined, filePath: string): boolean {
  if (associations === undefined) {
    return false;
  }
  const fullPath = filePath.replace(/\\/g, '/').toLowerCase();
  const baseName = fullPath.slice(fullPath.lastIndexOf('/') + 1);
  for (const pattern of Object.keys(associations)) {
    const lower = pattern.toLowerCase();
    const regex = globToRegExp(lower);
    if (regex === undefined) {
      return true;
    }
    if (regex.test(lower.includes('/') ? fullPath : baseName)) {
      return true;
    }
  }
  return false;
}

/** A glob as an anchored regular expression, or undefined when the glob is malformed. */
export function globToRegExp(glob: string): RegExp | undefined {
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob.charAt(i);
    switch (ch) {
      case '*':
        if (glob.charAt(i + 1) === '*') {
          // `**/` matches any number of folders (also none); a trailing `**` matches anything.
          i++;
          if (glob.charAt(i + 1) === '/') {
            i++;
            source += '(?:.*/)?';
          } else {
            source += '.*';
          }
        } else {
          source += '[^/]*';
        }
        break;
      case '?':
        source += '[^/]';
        break;
      case '[': {
        const close = glob.indexOf(']', i + 2);
        if (close < 0) {
          return undefined;
        }
        let body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) {
          body = '^' + body.slice(1);
        }
        source += `[${body}]`;
        i = close;
        break;
      }
      case '{':
        braceDepth++;
        source += '(?:';
        break;
      case '}':
        if (braceDepth === 0) {
          return undefined;
        }
        braceDepth--;
        source += ')';
        break;
      case ',':
        source += braceDepth > 0 ? '|' : ',';
        break;
      default:
        source += ch.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  if (braceDepth !== 0) {
    return undefined;
  }
  try {
    return new RegExp(`^${source}$`);
  } catch {
    return undefined;
  }
}
