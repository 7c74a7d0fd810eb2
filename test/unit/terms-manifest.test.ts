/**
 * The manifest contributes what the term features need: the semantic token types and modifiers of the server's
 * legend (with super types and TextMate scopes for themes), and the outline.showTerms setting the server reads.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/features/semanticTokens';
import { readShowTerms } from '../../server/src/service/settings';
import { REPO_ROOT } from '../util/paths';

interface Contribution {
  readonly id: string;
  readonly superType?: string;
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    semanticTokenTypes: Contribution[];
    semanticTokenModifiers: Contribution[];
    semanticTokenScopes: Array<{ language: string; scopes: Record<string, string[]> }>;
    configuration: { properties: Record<string, { default: unknown }> };
  };
};
const STANDARD_MODIFIERS = ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'];

describe('manifest: what the term features need', () => {
  it('every token type of the legend is contributed with a super type and has a TextMate scope', () => {
    const types = new Map(manifest.contributes.semanticTokenTypes.map((t) => [t.id, t]));
    const [scopes] = manifest.contributes.semanticTokenScopes;
    assert.equal(scopes?.language, 'zh-report');
    for (const type of SEMANTIC_TOKENS_LEGEND.tokenTypes) {
      assert.ok(types.get(type)?.superType, `token type ${type} is not contributed with a superType`);
      assert.ok(scopes.scopes[type]?.length, `token type ${type} has no TextMate scope`);
    }
  });

  it('every custom modifier of the legend is contributed', () => {
    const modifiers = new Set(manifest.contributes.semanticTokenModifiers.map((m) => m.id));
    for (const modifier of SEMANTIC_TOKENS_LEGEND.tokenModifiers) {
      assert.ok(STANDARD_MODIFIERS.includes(modifier) || modifiers.has(modifier), `modifier ${modifier} is not contributed`);
    }
  });

  it('zh-report.outline.showTerms defaults to off, and the server reads it from the zh-report section', () => {
    assert.equal(manifest.contributes.configuration.properties['zh-report.outline.showTerms']?.default, false);
    // what workspace/configuration answers for the section "zh-report"
    assert.equal(readShowTerms({ outline: { showTerms: true } }), true);
    assert.equal(readShowTerms({ showTermsInOutline: false }), false);
    assert.equal(readShowTerms({ outline: {} }), undefined);
    assert.equal(readShowTerms(null), undefined);
  });
});
