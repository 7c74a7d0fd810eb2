/**
 * The check that keeps auto-detection away from files the user mapped in `files.associations`
 * (client/src/associations.ts).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { globToRegExp, isExplicitlyAssociated } from '../../client/src/associations';

describe('isExplicitlyAssociated', () => {
  const file = '/home/user/reports/2024/工作报告.txt';

  it('is false without associations or when nothing matches', () => {
    assert.equal(isExplicitlyAssociated(undefined, file), false);
    assert.equal(isExplicitlyAssociated({}, file), false);
    assert.equal(isExplicitlyAssociated({ '*.log': 'log', '*.md': 'markdown', 'notes/*.txt': 'plaintext' }, file), false);
  });

  it('matches a name pattern against the file name', () => {
    assert.equal(isExplicitlyAssociated({ '*.txt': 'plaintext' }, file), true);
    assert.equal(isExplicitlyAssociated({ '工作报告.txt': 'plaintext' }, file), true);
    assert.equal(isExplicitlyAssociated({ '*报告.*': 'plaintext' }, file), true);
    assert.equal(isExplicitlyAssociated({ '*.{md,txt}': 'plaintext' }, file), true);
    assert.equal(isExplicitlyAssociated({ '?????.txt': 'plaintext' }, file), false);
    assert.equal(isExplicitlyAssociated({ '????.txt': 'plaintext' }, file), true);
  });

  it('matches a pattern with a slash against the whole path', () => {
    assert.equal(isExplicitlyAssociated({ '**/reports/**/*.txt': 'plaintext' }, file), true);
    assert.equal(isExplicitlyAssociated({ '**/reports/*.txt': 'plaintext' }, file), false);
    assert.equal(isExplicitlyAssociated({ '/home/user/reports/2024/*.txt': 'plaintext' }, file), true);
    assert.equal(isExplicitlyAssociated({ '**/drafts/*.txt': 'plaintext' }, file), false);
  });

  it('ignores case and accepts Windows paths', () => {
    assert.equal(isExplicitlyAssociated({ '*.TXT': 'plaintext' }, 'C:\\Users\\me\\Report.Txt'), true);
    assert.equal(isExplicitlyAssociated({ '**/users/me/*.txt': 'plaintext' }, 'C:\\Users\\me\\Report.Txt'), true);
  });

  it('counts a pattern it cannot read as a match (in doubt, do not switch)', () => {
    assert.equal(isExplicitlyAssociated({ '*.{txt': 'plaintext' }, file), true);
    assert.equal(isExplicitlyAssociated({ '[abc': 'plaintext' }, file), true);
  });
});

describe('globToRegExp', () => {
  it('translates *, **, ?, [...] and {a,b}', () => {
    const cases: Array<[string, string, boolean]> = [
      ['*.txt', 'a.txt', true],
      ['*.txt', 'dir/a.txt', false],
      ['**/*.txt', 'a.txt', true],
      ['**/*.txt', 'x/y/a.txt', true],
      ['a?c', 'abc', true],
      ['a?c', 'a/c', false],
      ['[ab].txt', 'b.txt', true],
      ['[!ab].txt', 'b.txt', false],
      ['{report,draft}.txt', 'draft.txt', true],
      ['a+b(1).txt', 'a+b(1).txt', true],
    ];
    for (const [glob, target, expected] of cases) {
      assert.equal(globToRegExp(glob)?.test(target), expected, `${glob} on ${target}`);
    }
  });
});
