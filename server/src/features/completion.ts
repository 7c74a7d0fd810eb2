/**
 * textDocument/completion of known terms after an opening quote or title bracket: “ 「 『 ‘ offer the document's
 * terms, 《 〈 its titles. The typed text after the bracket narrows the list (compared by key, so a simplified prefix
 * finds a traditional term); the closing mark is added when the editor has not already put it there.
 * (VS Code filters the list again by `filterText`, the term as written; the server's own filter is the one that folds.)
 * Defined terms come first, then the most used.
 */
import {
  CompletionItemKind,
  MarkupKind,
  type CancellationToken,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver';
import type { Term } from '../core';
import { message, type DisplayLanguage } from '../messages';
import { shorten, termKindLabel, type TermDocument } from '../service/terms';

/** Characters that open a completion, and the mark that closes each. */
export const COMPLETION_TRIGGERS: Readonly<Record<string, string>> = { '“': '”', '「': '」', '『': '』', '‘': '’', '《': '》', '〈': '〉' };
const MAX_PREFIX = 16;
const MAX_ITEMS = 300;

export function provideCompletion(doc: TermDocument, params: CompletionParams, token: CancellationToken, lang: DisplayLanguage = 'zh-cn'): CompletionList {
  const text = doc.document.getText();
  const offset = doc.document.offsetAt(params.position);
  const open = openerBefore(text, offset);
  if (open < 0) return { isIncomplete: false, items: [] };
  const opener = text[open]!;
  const closer = COMPLETION_TRIGGERS[opener]!;
  const titles = opener === '《' || opener === '〈';
  // the prefix is folded like the keys, so 网上 finds 網上沙龍
  const typed = text.slice(open + 1, offset);
  const prefix = doc.terms.keyOf(typed);
  const candidates: Array<{ term: Term; rank: number }> = [];
  for (const term of doc.terms.terms) {
    if ((term.kind === 'title') !== titles) continue;
    if (prefix.length > 0 && !term.key.startsWith(prefix)) continue;
    candidates.push({ term, rank: (term.definitions.length > 0 ? 1_000_000 : 0) + term.uses.length });
  }
  if (token.isCancellationRequested) return { isIncomplete: true, items: [] };
  candidates.sort((a, b) => b.rank - a.rank);
  const close = text[offset] === closer ? '' : closer;
  const range = { start: doc.document.positionAt(open + 1), end: doc.document.positionAt(offset) };
  const items: CompletionItem[] = candidates.slice(0, MAX_ITEMS).map(({ term }, i) => {
    const definition = term.definitions[0];
    const about = definition?.text ?? term.builtin?.text;
    return {
      label: term.name,
      kind: definition !== undefined ? CompletionItemKind.Constant : CompletionItemKind.Text,
      detail: `${termKindLabel(term.kind, lang)} · ${message('completion.uses', lang, term.uses.length)}`,
      ...(about === undefined ? {} : { documentation: { kind: MarkupKind.PlainText, value: shorten(about, 200) } }),
      sortText: String(i).padStart(5, '0'),
      // the editor filters by this: a term written in the other script still passes with what was typed before it
      filterText: term.name.startsWith(typed) ? term.name : typed + term.name,
      textEdit: { range, newText: term.name + close },
    };
  });
  return { isIncomplete: candidates.length > MAX_ITEMS, items };
}

/** The offset of an unclosed opening quote or title bracket on the cursor's line, at most MAX_PREFIX back, or -1. */
function openerBefore(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0 && offset - i <= MAX_PREFIX + 1; i--) {
    const ch = text[i]!;
    if (ch in COMPLETION_TRIGGERS) return i;
    if (ch === '\n' || '”」』’》〉，。；：！？,;!?'.includes(ch)) return -1;
  }
  return -1;
}
