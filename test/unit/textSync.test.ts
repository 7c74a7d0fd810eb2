/**
 * Incremental sync (server/src/service/textSync.ts): after any sequence of range changes, the server's document has
 * the line table of its text. Found by the LSP session fuzzer (seed 11): a "\r" inserted before a "\n" made the
 * library's incremental line table count a line too many, and the outline, tokens and selection ranges of that
 * document then lay outside it.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { joinsOrSplitsCrLf, updateDocument } from '../../server/src/service/textSync';
import { budget } from '../util/properties';

const PIECES = ['a', '中', '\r', '\n', '\r\n', '𠀀', '一、'];

function assertTrueToText(document: TextDocument): void {
  const fresh = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
  assert.equal(document.lineCount, fresh.lineCount, JSON.stringify(document.getText()));
  for (let offset = 0; offset <= document.getText().length; offset++) {
    assert.deepEqual(document.positionAt(offset), fresh.positionAt(offset), `offset ${offset} of ${JSON.stringify(document.getText())}`);
  }
}

describe('incremental sync keeps the line table true to the text', () => {
  it('a "\\r" typed before a "\\n", a "\\n" after a "\\r", and an edit between the two', () => {
    const doc = (text: string): TextDocument => TextDocument.create('file:///a.txt', 'zh-report', 1, text);
    const at = (line: number, character: number) => ({ line, character });
    // the library alone counts three lines in "ab\r\ncd": the case the fuzzer found
    const plain = TextDocument.update(doc('ab\ncd'), [{ range: { start: at(0, 2), end: at(0, 2) }, text: '\r' }], 2);
    assert.equal(plain.lineCount, 3);
    const cases: Array<[string, TextDocumentContentChangeEvent]> = [
      ['ab\ncd', { range: { start: at(0, 2), end: at(0, 2) }, text: '\r' }],
      ['ab\rcd', { range: { start: at(1, 0), end: at(1, 0) }, text: '\nx' }],
      ['ab\r\ncd', { range: { start: at(0, 1), end: at(1, 0) }, text: 'x\r' }],
      ['ab\rX\ncd', { range: { start: at(1, 0), end: at(1, 1) }, text: '' }],
    ];
    for (const [text, change] of cases) {
      const updated = updateDocument(doc(text), [change], 2);
      assert.equal(updated.version, 2);
      assertTrueToText(updated);
    }
  });

  it('says which changes make or cut a "\\r\\n" at their edges, and no others', () => {
    assert.equal(joinsOrSplitsCrLf('ab\ncd', 2, 2, '\r'), true);
    assert.equal(joinsOrSplitsCrLf('ab\rcd', 3, 3, '\n'), true);
    assert.equal(joinsOrSplitsCrLf('a\r\nb', 2, 2, 'x'), true);
    assert.equal(joinsOrSplitsCrLf('a\rx\nb', 2, 3, ''), true);
    // typing Enter in a CRLF document, or text between two lines, leaves the line table to the library
    assert.equal(joinsOrSplitsCrLf('ab\r\ncd', 1, 1, '\r\n'), false);
    assert.equal(joinsOrSplitsCrLf('ab\r\ncd', 4, 4, '中文'), false);
    assert.equal(joinsOrSplitsCrLf('ab\ncd', 1, 2, ''), false);
  });

  it('any sequence of range changes of text with CR, LF, CRLF and surrogates (property)', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''));
    const edit = fc.record({ a: fc.nat(), b: fc.nat(), text });
    fc.assert(
      fc.property(text, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (initial, batches) => {
        let document = TextDocument.create('file:///p.txt', 'zh-report', 1, initial);
        for (const batch of batches) {
          const changes: TextDocumentContentChangeEvent[] = [];
          // positions computed on the text each change applies to, as a client sends them
          let mirror = document.getText();
          for (const e of batch) {
            const start = mirror.length === 0 ? 0 : e.a % (mirror.length + 1);
            const end = start + (mirror.length - start === 0 ? 0 : e.b % (mirror.length - start + 1));
            const fresh = TextDocument.create('file:///m.txt', 'zh-report', 1, mirror);
            changes.push({ range: { start: fresh.positionAt(start), end: fresh.positionAt(end) }, text: e.text });
            mirror = TextDocument.update(fresh, [changes[changes.length - 1]!], 2).getText();
          }
          document = updateDocument(document, changes, document.version + 1);
          assert.equal(document.getText(), mirror);
          assertTrueToText(document);
        }
      }),
      budget(300, 1201),
    );
  });
});
