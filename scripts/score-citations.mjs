#!/usr/bin/env node
// @ts-check
/**
 * Citations on the held-out laws of test/fixtures/citations, over LSP: `node scripts/score-citations.mjs [--server
 * path/to/server.js]` (needs `npx tsc -b && node scripts/bundle.mjs`). Definition on every labelled citation and on
 * every negative (第X届 / 第X次 / 第X个, amendment-history numbers); prints per terminology how many go to the right
 * article and to the right paragraph / item, every miss and every false link. test/protocol/citations-heldout.test.ts
 * asserts the same figures.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { scoreCitations } = require(path.join(repo, 'out', 'test', 'util', 'citationLabels.js'));
const { LspClient, EDITOR_CAPABILITIES } = require(path.join(repo, 'out', 'test', 'util', 'lsp-client.js'));

const args = process.argv.slice(2);
const server = args.includes('--server') ? path.resolve(args[args.indexOf('--server') + 1]) : undefined;
const root = path.join(repo, 'test', 'fixtures', 'citations');
const read = (/** @type {string} */ file) => readFileSync(path.join(root, file), 'utf8');

const client = LspClient.start({ timeout: 60_000, ...(server ? { server } : {}) });
await client.initializeFolder(pathToFileURL(root).href, 'citations', EDITOR_CAPABILITIES);
const score = await scoreCitations(
  client,
  read('labels.tsv'),
  read,
  (/** @type {string} */ file) => pathToFileURL(path.join(root, file)).href,
  (/** @type {string} */ uri) => path.relative(root, fileURLToPath(uri)).split(path.sep).join('/'),
  ['mainland/npc_organic_law_2021.md', 'mainland/npc_procedure_rules_2021.md'],
);
await client.dispose();
const pct = (/** @type {number} */ n, /** @type {number} */ d) => `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`;
console.log('terminology  labels  article (positives)  article + paragraph/item (all)  no link where none is due');
for (const r of score.rows) console.log(`${r.name.padEnd(12)} ${String(r.labels).padEnd(7)} ${pct(r.article, r.positives).padEnd(20)} ${pct(r.right, r.labels).padEnd(31)} ${pct(r.noLinkRight, r.noLink)}`);
console.log(`negatives: ${score.negatives}, false links: ${score.falseLinks.length}`);
for (const m of score.misses) console.log(`miss: ${m}`);
for (const f of score.falseLinks) console.log(`false link: ${f}`);
