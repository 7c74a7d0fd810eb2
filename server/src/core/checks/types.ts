/**
 * What the checks produce: findings over one version of one text, each with a stable code, a message in
 * Chinese and English, and the fixes that repair it. All positions are UTF-16 offsets into the text the
 * model was built from; edits are plain replacements of [start, end) (the LSP layer turns them into
 * `TextEdit`s inside a `WorkspaceEdit`).
 */
import type { GbkCodec } from '../gbk';
import type { TermIndex } from '../terms/types';

/** A text in the two languages the server speaks; the LSP layer picks one by the client's locale. */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The stable codes of every check (the `code` of an LSP diagnostic and the key of its severity setting). */
export const CHECK_CODES = [
  'numbering-gap',
  'numbering-duplicate',
  'numbering-order',
  'numbering-level-skip',
  'numbering-missing-parent',
  'numbering-bracket-width',
  'marker-punctuation',
  'marker-space',
  'unbalanced-pair',
  'pinyin-gloss',
  'gbk-misaligned',
  'replacement-char',
  'mojibake',
  'page-chrome',
  'term-before-definition',
  'term-redefined',
  'term-full-form-after-abbreviation',
  'script-mixing',
  'toc-mismatch',
  'citation-missing',
] as const;

export type CheckCode = (typeof CHECK_CODES)[number];

/** One replacement of the text [start, end) by `newText`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  /** What the fix does, for the code action's title. */
  readonly title: Localized;
  /** Non-overlapping edits, in document order; applied together as one undoable edit. */
  readonly edits: readonly Edit[];
  /**
   * True for fixes that `source.fixAll` may apply without asking: they restore what the text evidently was
   * (punctuation of a marker, scrape damage) and never guess content.
   */
  readonly safe: boolean;
  /** The fix to offer first (a code action's `isPreferred`). */
  readonly preferred?: boolean;
}

/** A place the message refers to besides the finding itself (e.g. the other definition of a term). */
export interface Related {
  readonly start: number;
  readonly end: number;
  readonly message: Localized;
}

export interface Finding {
  readonly code: CheckCode;
  readonly start: number;
  readonly end: number;
  readonly message: Localized;
  readonly fixes: readonly Fix[];
  readonly related?: readonly Related[];
  /** Marks the range as unnecessary text (rendered faded by editors), e.g. a pinyin gloss. */
  readonly unnecessary?: boolean;
}

/**
 * Which characters are simplified-only and which traditional-only, and their one-to-one counterparts; built by
 * the server from OpenCC's character tables (the core has no dictionary of its own).
 */
export interface ScriptTable {
  /** By UTF-16 code unit: 1 simplified-only, 2 traditional-only, 0 either or neither. */
  readonly classes: Uint8Array;
  /** The other script's form of a simplified-only or traditional-only character. */
  counterpart(ch: string): string | undefined;
}

export interface CheckOptions {
  /** Only these rules run (all when undefined); rules that are off cost nothing. */
  readonly enabled?: (code: CheckCode) => boolean;
  /** GBK byte codec: needed to find UTF-8 text read as GBK (鍙戝竷); without it that rule is skipped. */
  readonly codec?: GbkCodec;
  /** Character tables for the script-mixing rule; without them that rule is skipped. */
  readonly script?: ScriptTable;
  /** The document's key terms (core/terms): needed by the term rules; without them those rules are skipped. */
  readonly terms?: TermIndex;
}
