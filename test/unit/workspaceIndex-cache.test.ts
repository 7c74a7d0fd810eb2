/**
 * The workspace index between sessions (service/indexCache.ts): summaries stored by path, size and mtime under the
 * format version, read back so that unchanged files are not analysed again; a cache that is corrupt, truncated,
 * foreign or of another version is ignored — never trusted, never a crash (property-tested on arbitrary bytes and on
 * damaged real caches).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, indexTerms, summarizeReport, type ReportSummary } from '../../server/src/core';
import { gbkCodec } from '../../server/src/node/codec';
import { openccConverter } from '../../server/src/opencc';
import { EMPTY_INDEX, INDEX_FILE_NAME, INDEX_FORMAT_VERSION, loadIndex, serializeIndex, type CachedFile, type StoredIndex } from '../../server/src/service/indexCache';
import { pooledSummary, StoredHeading, StringPool } from '../../server/src/service/summaryStore';
import { defaultSummarizer, WorkspaceIndex } from '../../server/src/service/workspaceIndex';
import { corpusFiles, readCorpus, readSeed } from '../util/corpus';
import { memoryHost, MemoryFiles, type MemoryHost } from '../util/memory';

const FOLDER = 'file:///ws';
const STORAGE = 'file:///storage/zh-report';
const CACHE = `${STORAGE}/${INDEX_FILE_NAME}`;
const IDENTITY = { analyzer: '0.1.0', fold: 'x' };

const DOCUMENTS = [
  'cn_law_criminal_law.md',
  'cn_reg_procuratorate_criminal_procedure_rules_2019.md',
  'cn_law_copyright_law_2020.md',
  'tw_law_copyright_act.txt',
  'cn_gwr_2025_national_government_work_report.txt',
  'cn_prov_2026_sichuan_government_work_report.txt',
];

function workspace(files = new MemoryFiles()): MemoryHost {
  for (const name of DOCUMENTS) files.put(`${FOLDER}/${name}`, readCorpus(name));
  files.put(`${FOLDER}/seed.txt`, readSeed('chongqing-minjin-2017-scraped.txt'));
  return memoryHost(files);
}

/** An index over `host` that counts the summaries it makes (each one a full analysis). */
function counting(host: MemoryHost, analyzerVersion = '0.1.0'): { index: WorkspaceIndex; calls: string[] } {
  const calls: string[] = [];
  const base = defaultSummarizer(host);
  const index = new WorkspaceIndex(host, {
    storageUri: STORAGE,
    analyzerVersion,
    summarize: (uri, text, keys) => {
      calls.push(uri.slice(FOLDER.length + 1));
      return base(uri, text, keys);
    },
  });
  return { index, calls };
}

function summaryOf(name: string): ReportSummary {
  const text = readCorpus(name);
  const model = analyze(text, { codec: gbkCodec });
  return summarizeReport(text, model, indexTerms(text, model, { converter: openccConverter }), { path: name });
}

describe('serializeIndex / loadIndex', () => {
  it('round-trips the summaries of every corpus document exactly', () => {
    const files = new Map<string, CachedFile>(corpusFiles().map((name, i) => [`file:///c/${name}`, { size: 1000 + i, mtime: 1.7e12 + i, summary: summaryOf(name) }]));
    files.set('file:///c/prose.txt', { size: 10, mtime: 5, summary: undefined });
    const stored: StoredIndex = { files, mentionKeys: ['国家工作人员', '技术措施'] };
    const loaded = loadIndex(serializeIndex(stored, IDENTITY), IDENTITY);
    assert.equal(loaded.files.size, files.size);
    // JSON drops undefined fields: compare as JSON
    for (const [key, file] of files) assert.deepEqual(JSON.parse(JSON.stringify(loaded.files.get(key))), JSON.parse(JSON.stringify(file)), key);
    assert.deepEqual(loaded.mentionKeys, stored.mentionKeys);
  });

  it('ignores a cache of another analyser version, fold, format or summary version', () => {
    const stored: StoredIndex = { files: new Map([['file:///c/a.md', { size: 1, mtime: 2, summary: summaryOf('cn_law_constitution.md') }]]), mentionKeys: [] };
    const bytes = serializeIndex(stored, IDENTITY);
    assert.equal(loadIndex(bytes, IDENTITY).files.size, 1);
    assert.equal(loadIndex(bytes, { ...IDENTITY, analyzer: '0.2.0' }), EMPTY_INDEX);
    assert.equal(loadIndex(bytes, { ...IDENTITY, fold: 'y' }), EMPTY_INDEX);
    const json = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    for (const [field, value] of [['version', 99], ['summaryVersion', 99], ['format', 'other.tool']] as const) {
      assert.equal(loadIndex(new TextEncoder().encode(JSON.stringify({ ...json, [field]: value })), IDENTITY), EMPTY_INDEX, field);
    }
  });

  it('is read a file a line: a cache cut after any whole line, with a line too many or too few files is not used', () => {
    const files = new Map<string, CachedFile>(['cn_law_criminal_law.md', 'tw_law_copyright_act.txt', 'cn_law_copyright_law_2020.md'].map((name, i) => [`file:///c/${name}`, { size: i, mtime: i, summary: summaryOf(name) }]));
    const bytes = serializeIndex({ files, mentionKeys: [] }, IDENTITY);
    const lines = new TextDecoder().decode(bytes).split('\n');
    assert.equal(lines.length, files.size + 2, 'the header, a line per file, the end');
    assert.equal(JSON.parse(lines.join('\n')).files.length, files.size, 'one JSON document');
    assert.equal(loadIndex(bytes, IDENTITY).files.size, files.size);
    const encode = (l: string[]): Uint8Array => new TextEncoder().encode(l.join('\n'));
    for (let n = 1; n < lines.length; n++) assert.equal(loadIndex(encode(lines.slice(0, n)), IDENTITY), EMPTY_INDEX, `cut after line ${n}`);
    assert.equal(loadIndex(encode([...lines, '']), IDENTITY), EMPTY_INDEX, 'a line after the end');
    assert.equal(loadIndex(encode([lines[0]!, lines[1]!, lines[2]!.replace(/,$/, ''), lines.at(-1)!]), IDENTITY), EMPTY_INDEX, 'fewer files than the header counts');
    assert.equal(loadIndex(encode([lines[0]!.replace('"count":3', '"count":2'), ...lines.slice(1)]), IDENTITY), EMPTY_INDEX, 'more files than the header counts');
    assert.equal(loadIndex(new TextEncoder().encode(JSON.stringify(JSON.parse(lines.join('\n')))), IDENTITY), EMPTY_INDEX, 'the same document on one line');
  });

  it('the summaries the index keeps (strings copied and shared, headings compact) read as the ones the core made', () => {
    const pool = new StringPool();
    for (const name of corpusFiles()) {
      const made = summaryOf(name);
      const kept = pooledSummary(made, pool);
      assert.deepEqual(JSON.parse(JSON.stringify(kept)), JSON.parse(JSON.stringify(made)), name);
      kept.outline.forEach((h, i) => {
        const m = made.outline[i]!;
        assert.ok(h instanceof StoredHeading);
        assert.deepEqual([h.kind, h.level, h.marker, h.title, h.name, h.parent, h.start, h.end], [m.kind, m.level, m.marker, m.title, m.name, m.parent, m.start, m.end], `${name} heading ${i}`);
      });
    }
    assert.ok(pool.size > 0);
  });

  it('any bytes: never throws; returns the empty index or a valid one (property)', () => {
    const valid = serializeIndex({ files: new Map([['file:///c/a.md', { size: 1, mtime: 2, summary: summaryOf('cn_reg_military_facilities_protection_measures_2001.md') }]]), mentionKeys: ['边防设施'] }, IDENTITY);
    const text = new TextDecoder().decode(valid);
    const damaged = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      // truncated
      fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
      // one byte changed
      fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
        const copy = valid.slice();
        copy[i] = b;
        return copy;
      }),
      // one JSON value replaced by another of any type (a number by a string, an array by null …)
      fc.tuple(fc.nat({ max: text.length - 1 }), fc.jsonValue({ maxDepth: 2 })).map(([i, v]) => {
        const at = text.slice(i).search(/[0-9"[{tfn]/);
        if (at < 0) return valid;
        const start = i + at;
        let end = start + 1;
        while (end < text.length && /[0-9.a-z]/.test(text[end]!)) end++;
        return new TextEncoder().encode(text.slice(0, start) + JSON.stringify(v) + text.slice(end));
      }),
    );
    fc.assert(
      fc.property(damaged, (bytes) => {
        const loaded = loadIndex(bytes, IDENTITY);
        if (loaded === EMPTY_INDEX) return;
        // whatever was accepted is a well-formed index: every field of the right type and in range
        for (const [key, file] of loaded.files) {
          assert.equal(typeof key, 'string');
          assert.ok(Number.isSafeInteger(file.size) && file.size >= 0 && Number.isFinite(file.mtime));
          const s = file.summary;
          if (s === undefined) continue;
          s.outline.forEach((h, i) => assert.ok(h.parent >= -1 && h.parent < i && h.start.line >= 0 && h.end.character >= 0));
          for (const d of s.definitions) assert.ok(typeof d.text === 'string' && d.section < s.outline.length && d.length >= 0);
          for (const t of s.terms) assert.ok(t.uses.length % 3 === 0 && t.uses.every((n) => Number.isSafeInteger(n) && n >= 0));
          for (const [value, line] of s.articles) assert.ok(Number.isSafeInteger(value) && Number.isSafeInteger(line));
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});

describe('WorkspaceIndex persisted', () => {
  it('reopening: unchanged files are not analysed again and answer the same', async () => {
    const files = new MemoryFiles();
    const host = workspace(files);
    const first = counting(host);
    assert.equal(await first.index.build([FOLDER]), true);
    assert.equal(first.calls.length, DOCUMENTS.length + 1);
    assert.ok(files.has(CACHE), 'the cache is written after the build');
    const staff = first.index.definitionsOf('国家工作人员');
    const uses = first.index.usesOf('司法工作人员');
    const symbols = first.index.symbols('总则');
    first.index.dispose();

    const readsBefore = [...files.reads.values()].reduce((a, b) => a + b, 0);
    const second = counting(memoryHost(files));
    assert.equal(await second.index.build([FOLDER]), true);
    assert.deepEqual(second.calls, []);
    assert.equal([...files.reads.values()].reduce((a, b) => a + b, 0) - readsBefore, 1, 'only the cache file is read');
    assert.deepEqual(second.index.definitionsOf('国家工作人员'), staff);
    assert.deepEqual(second.index.usesOf('司法工作人员'), uses);
    assert.deepEqual(second.index.symbols('总则'), symbols);
    second.index.dispose();

    // one file changed while closed: only it is read again
    files.put(`${FOLDER}/tw_law_copyright_act.txt`, readCorpus('tw_law_copyright_act.txt') + '\n');
    const third = counting(memoryHost(files));
    assert.equal(await third.index.build([FOLDER]), true);
    assert.deepEqual(third.calls, ['tw_law_copyright_act.txt']);
    third.index.dispose();
  });

  it('a corrupt or foreign cache is ignored and rebuilt, with one line in the log', async () => {
    for (const bytes of [new TextEncoder().encode('{"format":"zh-report.workspaceIndex","version":1,"files":[["x",'), new Uint8Array([0xff, 0xfe, 0, 1, 2]), new TextEncoder().encode('{"some":"other tool"}')]) {
      const files = new MemoryFiles();
      const host = workspace(files);
      files.put(CACHE, bytes);
      const { index, calls } = counting(host);
      assert.equal(await index.build([FOLDER]), true);
      assert.equal(calls.length, DOCUMENTS.length + 1);
      assert.equal(host.log.filter((l) => l.includes('stored index is not usable')).length, 1);
      assert.ok(loadIndex(files.get(CACHE), { analyzer: '0.1.0', fold: JSON.parse(new TextDecoder().decode(files.get(CACHE)!)).fold }).files.size > 0, 'rewritten');
      index.dispose();
    }
  });

  it('a cache of the previous format is not read, and one under this format\'s name is ignored and rebuilt', async () => {
    assert.equal(INDEX_FORMAT_VERSION, 2);
    const files = new MemoryFiles();
    const first = counting(workspace(files));
    await first.index.build([FOLDER]);
    first.index.dispose();
    const current = files.get(CACHE)!;
    const header = JSON.parse(new TextDecoder().decode(current.subarray(0, current.indexOf(0x0a))) + ']}') as Record<string, unknown>;
    // format 1: one JSON line, the files as rows of objects' fields (written by 0.1.0 before this change)
    const old = new TextEncoder().encode(
      JSON.stringify({ format: header['format'], version: 1, summaryVersion: header['summaryVersion'], analyzer: header['analyzer'], fold: header['fold'], mentionKeys: [], files: [[`${FOLDER}/seed.txt`, 1, 2, null]] }),
    );
    const oldName = `${STORAGE}/workspace-index-v1.json`;
    files.remove(CACHE);
    files.put(oldName, old);
    const second = counting(memoryHost(files));
    await second.index.build([FOLDER]);
    assert.equal(second.calls.length, DOCUMENTS.length + 1, 'every file analysed: the old file is not read');
    assert.equal(files.reads.get(oldName) ?? 0, 0);
    second.index.dispose();
    files.put(CACHE, old); // the old layout under this format's name
    const host = memoryHost(files);
    const third = counting(host);
    await third.index.build([FOLDER]);
    assert.equal(third.calls.length, DOCUMENTS.length + 1, 'every file analysed again');
    assert.equal(host.log.filter((l) => l.includes('stored index is not usable')).length, 1);
    assert.ok(loadIndex(files.get(CACHE), { analyzer: '0.1.0', fold: header['fold'] as string }).files.size > 0, 'rewritten in this format');
    third.index.dispose();
  });

  it('a cache written by another analyser version is not used', async () => {
    const files = new MemoryFiles();
    const first = counting(workspace(files), '0.1.0');
    await first.index.build([FOLDER]);
    first.index.dispose();
    const second = counting(memoryHost(files), '0.2.0');
    await second.index.build([FOLDER]);
    assert.equal(second.calls.length, DOCUMENTS.length + 1);
    second.index.dispose();
  });
});
