/**
 * citation-missing: a citation of this document that points at an article, paragraph, item, chapter or 附件 the
 * document does not have (第三百条 in a law of 200 articles, 前款 in an article's first paragraph, 附件3 when there are
 * two). Citations of other documents are never reported here, nor citations the document gives no structure to
 * check against (a 第X条 in a report without articles).
 */
import { documentCitations } from '../citationTargets';
import { keeps } from './bounded';
import type { CheckContext } from './context';
import type { Finding } from './types';

export function checkCitations(ctx: CheckContext, out: Finding[]): void {
  const { index, resolver } = documentCitations(ctx.text, ctx.model);
  index.citations.forEach((c, i) => {
    if (c.document >= 0) return;
    const t = resolver.target(i);
    if (t.status !== 'missing') return;
    if (!keeps(out, c.start, c.end)) return; // past the cap: counted, its reason and message not written
    if (t.reason === undefined) return;
    const written = ctx.text.slice(c.start, c.end);
    out.push({
      code: 'citation-missing',
      start: c.start,
      end: c.end,
      message: { zh: `「${written}」指向不存在的内容：${t.reason.zh}`, en: `${written} cites nothing: ${t.reason.en}` },
      fixes: [],
    });
  });
}
