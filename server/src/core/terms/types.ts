/**
 * The key terms of one version of a document: what it defines, what it quotes, and where each term is used.
 * Offsets are UTF-16 offsets into the document text, like the report model's.
 */
import type { BuiltinExpansion } from './builtin';

/**
 * What a term is, strongest first: defined by the document; a five-year plan (十四五); a numbered formula
 * (四个自信, 两个维护); a title 《…》; a short quoted noun phrase.
 */
export type TermKind = 'defined' | 'plan' | 'formula' | 'title' | 'quoted';

/** How the document defines a term. */
export type DefinitionKind =
  | 'abbreviation' // 城市规划区国有土地（以下简称国有土地） / （以下称X） / （以下统称X） / （简称X）
  | 'meaning' // 本条例所称危险化学品，是指… / 本法所稱公務員者，謂… / 所称X，包括…
  | 'quotedMeaning' // “侦查”是指… / “X”指… / “X”，係指…
  | 'colon' // “五指緊扣”：… at the start of a line
  | 'namely' // “七措連環”，即… / 公有制，即…
  | 'called' // 稱不動產者，謂土地及其定著物。
  | 'list' // 下列用语的含义：（一）X，是指… / 本法用詞，定義如下：一、X：指…
  | 'glossary'; // 名词解释 / 注释 sections: 1.“两重”：是指…

export interface TermDefinition {
  readonly kind: DefinitionKind;
  /** The term where it is defined (inside any quotes or title brackets). */
  readonly termStart: number;
  readonly termEnd: number;
  /** The defining text (for an abbreviation: its full form). */
  readonly textStart: number;
  readonly textEnd: number;
  /** The defining text as it reads: glosses stripped, line breaks and runs of blanks collapsed, at most 400 characters. */
  readonly text: string;
  /** For an abbreviation: the full form as written (with its 《》 or quotes), else undefined. */
  readonly fullForm: string | undefined;
  /** The whole definition: from the term (or the full form) to the end of the defining text. */
  readonly start: number;
  readonly end: number;
}

export interface Term {
  /** The folded key: glosses stripped, width, quotes and script folded (網(wǎng)上沙龍, 网上沙龙 → 网上沙龙). */
  readonly key: string;
  /** How the document first writes it (the defining spelling if it has one), glosses stripped. */
  readonly name: string;
  readonly kind: TermKind;
  /** The document's definitions, in document order (usually one). */
  readonly definitions: readonly TermDefinition[];
  /** A built-in expansion (numbered formulas, five-year plans) — shown only when the document defines nothing. */
  readonly builtin: BuiltinExpansion | undefined;
  /** Indices into `TermIndex.uses` of this term's uses, in document order. */
  readonly uses: Int32Array;
}

/** Flags of a use. */
export const enum UseFlag {
  /** The use is the term at one of its definitions. */
  Definition = 1,
  /** The use is written in quotes or title brackets (“X”, 「X」, 《X》). */
  Quoted = 2,
}

/** All uses of all terms, sorted by start (longest first at one start); parallel typed arrays. */
export interface TermUses {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly term: Int32Array;
  readonly flags: Uint8Array;
}

export interface TermIndex {
  readonly terms: readonly Term[];
  readonly uses: TermUses;
  /** The longest use, in code units (bounds the backward search in `useAt`). */
  readonly longestUse: number;
  /** The term with this folded key, or -1. */
  termOfKey(key: string): number;
  /** The key of a spelling, folded like the index's keys (e.g. what a user typed). */
  keyOf(spelling: string): string;
}
