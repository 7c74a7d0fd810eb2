/**
 * Renumbering articles for drafters: after an article is inserted or deleted, the articles from one heading on are
 * numbered again in sequence (第十条之一 becomes an article of its own number), and every citation of this document
 * that points at one of them is rewritten to the new number, in the style it is written in (第十一条, 第 11 條,
 * 第11条). Relative citations (前条, 本条) are positional and stay as they are; citations of other documents, and
 * citations that pointed at nothing before, are left alone.
 */
import { digitValue, isCnNumeralCode } from './chars';
import { formatCnNumeral } from './checks/numerals';
import type { Edit } from './checks/types';
import type { DocumentCitations } from './citationTargets';

/** A 第十条之一 / 第 1-1 條 / 第１２条 / 十三条 (a shared-unit list element) written again with number `n`. */
export function renumberedArticleUnit(written: string, n: number): string {
  let p = 0;
  while (p < written.length && !isCnNumeralCode(written.charCodeAt(p)) && digitValue(written.charCodeAt(p)) < 0) p++;
  let q = p;
  const chinese = q < written.length && isCnNumeralCode(written.charCodeAt(q));
  if (chinese) {
    while (q < written.length && isCnNumeralCode(written.charCodeAt(q))) q++;
  } else {
    while (q < written.length && digitValue(written.charCodeAt(q)) >= 0) q++;
  }
  if (q === p) return written;
  const fullWidth = !chinese && written.charCodeAt(p) >= 0xff10;
  let number = chinese ? formatCnNumeral(n) : String(n);
  if (fullWidth) number = [...number].map((d) => String.fromCharCode(0xff10 + d.charCodeAt(0) - 0x30)).join('');
  let rest = written.slice(q);
  // Taiwan 第 1-1 條 and 第十条之一: the sub-number goes, the article now has a number of its own
  rest = rest.replace(/^[-－][0-9]+/, '');
  const zhi = rest.indexOf('之');
  if (zhi >= 0 && zhi + 1 < rest.length && isCnNumeralCode(rest.charCodeAt(zhi + 1))) rest = rest.slice(0, zhi);
  return written.slice(0, p) + number + rest;
}

/**
 * The edits that renumber the articles from `fromHeading` (a heading index of an article) to the end in sequence,
 * starting after the article before it, and rewrite every citation of them. Empty when nothing changes. A citation of
 * the number `fromHeading` shares with another article (the drafter inserted it numbered as its neighbour) is taken to
 * mean that other, older article.
 */
export function renumberArticles(text: string, d: DocumentCitations, fromHeading: number): Edit[] {
  const s = d.structure;
  const from = s.articles.indexOf(fromHeading);
  if (from < 0 || text.length !== s.text.length) return [];
  const hs = s.model.headings;
  const first = from === 0 ? 1 : Math.floor(s.valueOf(s.articles[from - 1]!) / 100) + 1;
  const newNumber = (article: number): number => first + (article - from);
  // An article inserted with the number of the one it goes before (or after) duplicates it: the citations written
  // before the insertion meant the article that was already there, not the new one.
  const value = s.valueOf(fromHeading);
  const twin = s.articles.findIndex((a, k) => k !== from && s.valueOf(a) === value);
  const edits: Edit[] = [];
  for (let k = from; k < s.articles.length; k++) {
    const h = hs[s.articles[k]!]!;
    if (h.repaired || !text.startsWith(h.marker, h.headingStart)) continue;
    const marker = renumberedArticleUnit(h.marker, newNumber(k));
    if (marker !== h.marker) edits.push({ start: h.headingStart, end: h.headingStart + h.marker.length, newText: marker });
  }
  d.index.citations.forEach((c, i) => {
    // 本节第三百三十八条 names its article; 前条 / 本条 do not (their article unit is not written)
    if (c.document >= 0 || c.articleStart < 0) return;
    const t = d.resolver.target(i);
    if (t.status !== 'ok') return;
    const article = t.place.article === from && twin >= 0 ? twin : t.place.article;
    if (article < from) return;
    const written = text.slice(c.articleStart, c.articleEnd);
    const rewritten = renumberedArticleUnit(written, newNumber(article));
    if (rewritten !== written) edits.push({ start: c.articleStart, end: c.articleEnd, newText: rewritten });
  });
  return edits.sort((a, b) => a.start - b.start);
}
