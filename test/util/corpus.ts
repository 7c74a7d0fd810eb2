/** The real documents the tests judge the parser by: the seed (in this repo) and ../shared/corpus (beside the checkout). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

export const CORPUS_DIR = process.env.ZH_REPORT_CORPUS ?? path.join(REPO_ROOT, '..', 'shared', 'corpus');

/** Every corpus document (README excluded). Throws when the corpus is missing: a test that cannot see it must not pass. */
export function corpusFiles(): string[] {
  if (!existsSync(CORPUS_DIR)) throw new Error(`corpus not found at ${CORPUS_DIR} (set ZH_REPORT_CORPUS)`);
  const files = readdirSync(CORPUS_DIR).filter((f) => f !== 'README.md' && /\.(txt|md)$/.test(f)).sort();
  if (files.length < 31) throw new Error(`expected the 31 corpus documents in ${CORPUS_DIR}, found ${files.length}`);
  return files;
}

export function readCorpus(name: string): string {
  return readFileSync(path.join(CORPUS_DIR, name), 'utf8');
}

export function readSeed(name: string): string {
  return readFileSync(path.join(REPO_ROOT, 'seeds', name), 'utf8');
}

/** Split a document written with a cursor mark "‸" into its text and the cursor's offset. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸');
  if (offset < 0 || marked.indexOf('‸', offset + 1) >= 0) throw new Error('mark exactly one cursor with ‸');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
