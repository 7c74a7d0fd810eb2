/**
 * textDocument/codeAction: the fixes of the findings on the requested lines as quick fixes (one per fix, and
 * "fix all of this kind" where a rule has more than one), and `source.fixAll.zh-report`: every safe fix at once.
 * Every action carries a WorkspaceEdit (one undoable step in the editor); the server writes nothing itself.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type CancellationToken, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentCitations, headingAt, renumberArticles, type ReportModel } from '../core';
import { fixAllEdits, fixAllOfCode, type CheckCode, type Edit, type Finding, type Localized } from '../core/checks';
import { pick, type DisplayLanguage } from '../messages';
import { FIX_ALL_KIND } from '../protocol';
import type { Checks } from '../service/checks';
import type { AnalyzedDocument } from '../service/documents';
import { workspaceEdit, type EditCapabilities } from '../service/edits';

/** True when an action of `kind` answers a request for `only` (a requested kind covers its sub-kinds). */
function matches(only: readonly string[] | undefined, kind: string): boolean {
  if (only === undefined || only.length === 0) return kind === CodeActionKind.QuickFix;
  return only.some((k) => k === '' || kind === k || kind.startsWith(k + '.'));
}

/** Titles of "fix all of this kind"; `n` counts edits for glosses (one finding per line), findings otherwise. */
const FIX_ALL_OF: Partial<Record<CheckCode, (n: number) => Localized & { readonly tw: string }>> = {
  'pinyin-gloss': (n) => ({ zh: `删除全文全部 ${n} 处拼音注音`, en: `Remove all ${n} pinyin glosses in the document`, tw: `刪除全文全部 ${n} 處拼音注音` }),
  'page-chrome': (n) => ({ zh: `删除全部 ${n} 行网页残留`, en: `Remove all ${n} page-chrome lines`, tw: `刪除全部 ${n} 行網頁殘留` }),
  'gbk-misaligned': (n) => ({ zh: `恢复全部 ${n} 处 GBK 错位乱码`, en: `Recover all ${n} GBK-misaligned runs`, tw: `還原全部 ${n} 處 GBK 錯位亂碼` }),
  mojibake: (n) => ({ zh: `重新解码全部 ${n} 处 UTF-8 乱码`, en: `Decode all ${n} UTF-8 mojibake runs again`, tw: `重新解碼全部 ${n} 處 UTF-8 亂碼` }),
  'marker-punctuation': (n) => ({ zh: `修正全部 ${n} 处编号标点`, en: `Fix the punctuation of all ${n} markers`, tw: `修正全部 ${n} 處編號標點` }),
  'numbering-bracket-width': (n) => ({ zh: `统一全部 ${n} 处编号括号宽度`, en: `Make the brackets of all ${n} markers match`, tw: `統一全部 ${n} 處編號括號寬度` }),
  'marker-space': (n) => ({ zh: `在全部 ${n} 处编号后加空格`, en: `Insert the blank after all ${n} markers`, tw: `在全部 ${n} 處編號後加空格` }),
};

export function provideCodeActions(
  { document, model }: AnalyzedDocument,
  params: CodeActionParams,
  _token: CancellationToken,
  checks: Checks,
  caps: EditCapabilities,
): CodeAction[] {
  const findings = checks.findings({ document, model });
  // fix-all takes every finding, also those beyond the cap on diagnostics (computed only when asked for)
  let every: readonly Finding[] | undefined;
  const allFindings = (): readonly Finding[] => (every ??= checks.allFindings({ document, model }));
  const lang = checks.lang;
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (matches(only, CodeActionKind.QuickFix)) {
    const first = params.range.start.line;
    const last = params.range.end.line;
    const here = findings.filter((f) => {
      const a = document.positionAt(f.start).line;
      const b = document.positionAt(f.end).line;
      return a <= last && b >= first;
    });
    const codes = new Set<CheckCode>();
    for (const finding of here) {
      codes.add(finding.code);
      const diagnostic = checks.toDiagnostic(document, finding);
      for (const fix of finding.fixes) {
        actions.push({
          title: pick(fix.title, lang),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true,
          edit: workspaceEdit(document, fix.edits, caps),
        });
      }
    }
    for (const code of codes) {
      const title = FIX_ALL_OF[code];
      if (title === undefined) continue;
      const ofCode = allFindings().filter((f) => f.code === code && f.fixes.length > 0);
      if (ofCode.length < 2) continue;
      const edits = fixAllOfCode(allFindings(), code);
      if (edits.length === 0) continue;
      actions.push({
        title: pick(title(code === 'pinyin-gloss' ? edits.length : ofCode.length), lang),
        kind: CodeActionKind.QuickFix,
        edit: workspaceEdit(document, edits, caps),
      });
    }
  }

  // renumbering is offered on an article heading when the user asks for actions there (never a quick fix, never fix-all)
  if (only === undefined || only.some((k) => k !== '' && (RENUMBER_KIND === k || RENUMBER_KIND.startsWith(k + '.')))) {
    const renumber = renumberAction({ document, model }, params.range, lang);
    if (renumber !== undefined) actions.push({ title: renumber.title, kind: renumber.kind, edit: workspaceEdit(document, renumber.edits, caps) });
  }

  if (only !== undefined && matches(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(allFindings());
    if (edits.length > 0) {
      actions.push({
        title: pick({ zh: `修复全部可安全修复的问题（${edits.length} 处修改）`, en: `Fix all safely fixable problems (${edits.length} edits)`, tw: `修正全部可安全修正的問題（${edits.length} 處修改）` }, lang),
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(document, edits, caps),
      });
    }
  }
  return actions;
}

/** The kind of the renumber action: a rewrite the user asks for, never a quick fix and never part of fix-all. */
export const RENUMBER_KIND = CodeActionKind.RefactorRewrite;

/**
 * On an article heading: "renumber the articles from here and update every citation in this document", one
 * WorkspaceEdit; undefined when the range is not on an article heading or nothing would change.
 */
export function renumberAction(
  { document, model }: { readonly document: TextDocument; readonly model: ReportModel },
  range: Range,
  lang: DisplayLanguage,
): { readonly title: string; readonly kind: string; readonly edits: Edit[] } | undefined {
  const text = document.getText();
  const start = document.offsetAt(range.start);
  const h = headingAt(model, start);
  if (h < 0) return undefined;
  const heading = model.headings[h]!;
  if (heading.kind !== 'article' || heading.line !== range.start.line) return undefined;
  const edits = renumberArticles(text, documentCitations(text, model), h);
  if (edits.length === 0) return undefined;
  const title = pick({
    zh: `从本条起重新编号各条，并更新本文件中的全部引用（${edits.length} 处修改）`,
    en: `Renumber the articles from here and update every citation in this document (${edits.length} edits)`,
    tw: `從本條起重新編號各條，並更新本檔案中的全部引用（${edits.length} 處修改）`,
  }, lang);
  return { title, kind: RENUMBER_KIND, edits };
}
