/**
 * The client's check for Chinese GB18030/GBK files that the editor opened as UTF-8 (client/src/encodingHint.ts), on
 * a GBK copy of a real report (seeds/cn_prov_2026_sichuan_excerpt_gbk.txt) and on what must not trigger it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDecoder } from 'node:util';
import * as iconv from 'iconv-lite';
import { HINT_SAMPLE_BYTES, isGb18030Text, replacementsWorthChecking } from '../../client/src/encodingHint';
import { readSeed } from '../util/corpus';
import { REPO_ROOT } from '../util/paths';

const GBK_BYTES = readFileSync(path.join(REPO_ROOT, 'seeds', 'cn_prov_2026_sichuan_excerpt_gbk.txt'));
/** What the editor shows for a file it reads as UTF-8: every invalid sequence becomes U+FFFD. */
const asUtf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

describe('replacementsWorthChecking', () => {
  it('counts the � of a GBK file read as UTF-8', () => {
    assert.ok(replacementsWorthChecking(asUtf8(GBK_BYTES)) > 1000);
  });

  it('ignores a few � in a UTF-8 document, and a document without any', () => {
    const report = readSeed('cn_prov_2026_sichuan_government_work_report.txt');
    assert.equal(replacementsWorthChecking(report), 0);
    assert.equal(replacementsWorthChecking(report.slice(0, 5000) + '\ufffd'.repeat(5)), 0);
  });
});

describe('isGb18030Text', () => {
  it('a GBK copy of a report is GB18030 text', () => {
    assert.equal(isGb18030Text(GBK_BYTES), true);
  });

  it('UTF-8 bytes, even with � in them, are not', () => {
    assert.equal(isGb18030Text(Buffer.from(readSeed('chongqing-minjin-2017-scraped.txt'), 'utf8')), false);
  });

  it('bytes that decode as GB18030 but are not Chinese text are not', () => {
    const latin1 = iconv.encode('Ceci n’est pas du chinois : très bien, à bientôt. '.repeat(50), 'latin1');
    assert.equal(isGb18030Text(latin1), false);
  });

  it('a sample cut inside a two-byte character is still read (the lone lead byte is dropped)', () => {
    let big: Buffer = GBK_BYTES;
    while (big.length <= HINT_SAMPLE_BYTES + 2) big = Buffer.concat([big, GBK_BYTES]);
    for (const shift of [0, 1, 2, 3]) {
      const bytes = big.subarray(shift);
      assert.equal(isGb18030Text(bytes.subarray(0, HINT_SAMPLE_BYTES + 1)), true, `shift ${shift}`);
    }
  });
});
