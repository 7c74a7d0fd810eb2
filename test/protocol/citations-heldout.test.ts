/**
 * Citations on held-out laws (test/fixtures/citations, NOTES.md there): definition over stdio (dist/server.js) on every
 * labelled citation of 18 mainland and 12 Taiwan laws, regulations and judicial interpretations that are not in the
 * corpus, with the fixture folder as the workspace (cross-law citations go to the laws it holds), and on every 第X届 /
 * 第X次 / 第X个 and amendment-history number of those files (no link allowed).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Answer, judge, negativesOf, readCitationLabels, readLawStructure } from '../util/citationLabels';
import { EDITOR_CAPABILITIES, LspClient } from '../util/lsp-client';
import { REPO_ROOT } from '../util/paths';

const ROOT = path.join(REPO_ROOT, 'test', 'fixtures', 'citations');
const LABELS = readCitationLabels(readFileSync(path.join(ROOT, 'labels.tsv'), 'utf8'));

describe('citations on held-out laws over stdio', () => {
  let client: LspClient;
  const texts = new Map<string, string>();
  const textOf = (file: string): string => {
    let t = texts.get(file);
    if (t === undefined) texts.set(file, (t = readFileSync(path.join(ROOT, file), 'utf8')));
    return t;
  };
  const structures = new Map<string, ReturnType<typeof readLawStructure>>();
  const structureOf = (file: string) => {
    let s = structures.get(file);
    if (s === undefined) structures.set(file, (s = readLawStructure(textOf(file))));
    return s;
  };
  const opened = new Set<string>();
  const uriOf = (file: string): string => pathToFileURL(path.join(ROOT, file)).href;

  /** The server's definition at `offset` + 1 of `file`: the file and offset it starts at. */
  async function definition(file: string, offset: number): Promise<{ file: string | undefined; offset: number | undefined }> {
    const text = textOf(file);
    if (!opened.has(file)) {
      client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'zh-report', version: 1, text } });
      opened.add(file);
    }
    const position = TextDocument.create('x', 'zh-report', 1, text).positionAt(offset + 1);
    const result = await client.request<Location[] | Location | null>('textDocument/definition', { textDocument: { uri: uriOf(file) }, position });
    const first = Array.isArray(result) ? result[0] : result ?? undefined;
    if (first === undefined) return { file: undefined, offset: undefined };
    const target = path.relative(ROOT, fileURLToPath(first.uri)).split(path.sep).join('/');
    return { file: target, offset: TextDocument.create('y', 'zh-report', 1, textOf(target)).offsetAt(first.range.start) };
  }

  before(async () => {
    client = LspClient.start({ timeout: 60_000 });
    await client.initializeFolder(pathToFileURL(ROOT).href, 'citations', EDITOR_CAPABILITIES);
  });

  after(async () => {
    await client.dispose();
  });

  it('every label is written where it says, and its target exists in the text', () => {
    for (const l of LABELS) {
      assert.equal(textOf(l.file).slice(l.offset, l.offset + l.written.length), l.written, `labels.tsv:${l.row}`);
      if (l.expected !== undefined) {
        const e = l.expected;
        const s = structureOf(e.file);
        assert.ok(judge(l, e.file, -1, () => s).expected !== undefined, `labels.tsv:${l.row}: ${e.file} has no ${e.article}.${e.paragraph}.${e.item}.${e.sub}`);
      }
    }
  });

  it('≥ 99% of labelled citations go to the right article and paragraph / item, in both terminologies', async () => {
    const answers: Answer[] = [];
    for (const l of LABELS) {
      const got = await definition(l.file, l.offset);
      answers.push(judge(l, got.file, got.offset, structureOf));
    }
    const rows = [['mainland/', 'mainland'], ['taiwan/', 'Taiwan']].map(([prefix, name]) => {
      const a = answers.filter((x) => x.label.file.startsWith(prefix!));
      const pos = a.filter((x) => x.label.expected !== undefined);
      return { name, labels: a.length, positives: pos.length, article: pos.filter((x) => x.articleRight).length, right: a.filter((x) => x.right).length, noLink: a.length - pos.length, noLinkRight: a.filter((x) => x.label.expected === undefined && x.right).length };
    });
    const misses = answers.filter((x) => !x.right).map((x) => `labels.tsv:${x.label.row} ${x.label.file}@${x.label.offset} ${x.label.written}: expected ${x.label.expected === undefined ? 'no link' : `${x.label.expected.file}@${x.expected}`}, got ${x.file === undefined ? 'none' : `${x.file}@${x.offset}`}`);
    console.log(JSON.stringify(rows));
    if (misses.length > 0) console.log(misses.join('\n'));
    const right = answers.filter((x) => x.right).length;
    assert.ok(LABELS.length >= 300, `${LABELS.length} labels`);
    assert.ok(right / answers.length >= 0.99, `${right}/${answers.length} right:\n${misses.join('\n')}`);
  });

  it('no link on 第X届 / 第X次 / 第X个 or on the numbers of an amendment history', async () => {
    const files = [...new Set(LABELS.map((l) => l.file)), 'mainland/npc_organic_law_2021.md', 'mainland/npc_procedure_rules_2021.md'];
    const falseLinks: string[] = [];
    let n = 0;
    for (const file of files) {
      for (const neg of negativesOf(file, textOf(file))) {
        n++;
        const got = await definition(file, neg.offset);
        if (got.file !== undefined) falseLinks.push(`${file}@${neg.offset} ${neg.written} → ${got.file}@${got.offset}`);
      }
    }
    console.log(`negatives: ${n}, false links: ${falseLinks.length}`);
    assert.ok(n >= 300, `${n} negatives`);
    assert.deepEqual(falseLinks, []);
  });
});
