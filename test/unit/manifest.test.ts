/**
 * The extension manifest's contributions agree with the files they name, with the client code and with the
 * localisation files (package.nls*.json for the manifest, l10n/bundle.l10n.*.json for runtime strings).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/checks';
import { MAX_PER_DOCUMENT_SETTING as MAX_PER_DOCUMENT } from '../../server/src/service/checks';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { REPO_ROOT } from '../util/paths';

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, relative), 'utf8'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, what: string): Record<string, unknown> {
  assert.ok(isRecord(value), `${what} should be an object`);
  return value;
}

function array(value: unknown, what: string): unknown[] {
  assert.ok(Array.isArray(value), `${what} should be an array`);
  return value;
}

const manifest = record(readJson('package.json'), 'package.json');
const contributes = record(manifest['contributes'], 'contributes');
const clientSources = readdirSync(path.join(REPO_ROOT, 'client', 'src'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => readFileSync(path.join(REPO_ROOT, 'client', 'src', name), 'utf8'))
  .join('\n');

/** Every "%key%" placeholder in the manifest. */
function placeholders(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%(.+)%$/.exec(value);
    if (match?.[1] !== undefined) {
      found.add(match[1]);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item) => placeholders(item, found));
  } else if (isRecord(value)) {
    Object.values(value).forEach((item) => placeholders(item, found));
  }
  return found;
}

describe('manifest: language, grammar, commands, settings', () => {
  it('contributes the zh-report language with its configuration and grammar', () => {
    const [language] = array(contributes['languages'], 'languages').map((l) => record(l, 'language'));
    assert.ok(language !== undefined);
    assert.equal(language['id'], LANGUAGE_ID);
    assert.deepEqual(language['aliases'], ['中文报告', 'Chinese Report', 'zh-report']);
    assert.deepEqual(language['extensions'], ['.zhreport'], 'plain .txt and .md files are never claimed by extension');
    assert.ok(existsSync(path.join(REPO_ROOT, String(language['configuration']))));
    const [grammar] = array(contributes['grammars'], 'grammars').map((g) => record(g, 'grammar'));
    assert.ok(grammar !== undefined);
    assert.equal(grammar['language'], LANGUAGE_ID);
    const grammarFile = record(readJson(String(grammar['path'])), 'grammar file');
    assert.equal(grammarFile['scopeName'], grammar['scopeName']);
    assert.equal(manifest['l10n'], './l10n');
  });

  it('registers every contributed command in the client', () => {
    const commands = array(contributes['commands'], 'commands').map((c) => String(record(c, 'command')['command']));
    assert.deepEqual(commands.sort(), [
      'zh-report.convertToSimplified',
      'zh-report.convertToTraditional',
      'zh-report.convertToTraditionalHongKong',
      'zh-report.convertToTraditionalPhrases',
      'zh-report.copyOutline',
      'zh-report.copyOutlineMarkdown',
      'zh-report.copyOutlineMarkdownList',
      'zh-report.copySectionOutline',
      'zh-report.exportGlossaryCsv',
      'zh-report.exportGlossaryMarkdown',
      'zh-report.goToWorkspaceSymbol',
      'zh-report.restartServer',
      'zh-report.showOutput',
      'zh-report.showWordCount',
    ]);
    for (const command of commands) {
      assert.ok(clientSources.includes(`'${command}'`), `${command} is not registered in client/src`);
    }
    // a keybinding runs a contributed command
    for (const binding of array(contributes['keybindings'], 'keybindings').map((k) => record(k, 'keybinding'))) {
      assert.ok(commands.includes(String(binding['command'])), `the keybinding ${String(binding['key'])} runs ${String(binding['command'])}, which is not contributed`);
    }
  });

  it('contributes the settings the client reads, with their defaults', () => {
    const properties = record(record(contributes['configuration'], 'configuration')['properties'], 'properties');
    const defaults = Object.fromEntries(
      Object.entries(properties)
        .filter(([key]) => !key.startsWith('zh-report.diagnostics.') || key === MAX_PER_DOCUMENT)
        .map(([key, value]) => [key, record(value, key)['default']]),
    );
    assert.deepEqual(defaults, {
      'zh-report.detect.enabled': true,
      'zh-report.detect.markdown': false,
      [MAX_PER_DOCUMENT]: 1000,
      'zh-report.encodingHint.enabled': true,
      'zh-report.inlayHints.citations': false,
      'zh-report.maxFileSizeMB': 20,
      'zh-report.outline.showTerms': false,
      'zh-report.outline.showWordCount': false,
      'zh-report.trace.server': 'off',
      'zh-report.workspace.extraFiles': [],
      'zh-report.workspace.glossaryFiles': [],
    });
    for (const key of ['detect.enabled', 'detect.markdown', 'encodingHint.enabled', 'maxFileSizeMB', 'diagnostics']) {
      assert.ok(clientSources.includes(`'${key}'`), `client/src does not read zh-report.${key}`);
    }
  });

  it('contributes a severity setting for every check, with the rule\'s default, described in both languages', () => {
    const properties = record(record(contributes['configuration'], 'configuration')['properties'], 'properties');
    const settings = Object.keys(properties).filter((key) => key.startsWith('zh-report.diagnostics.') && key !== MAX_PER_DOCUMENT);
    assert.deepEqual(settings.sort(), RULES.map((r) => `zh-report.diagnostics.${r.code}`).sort());
    const en = record(readJson('package.nls.json'), 'package.nls.json');
    const zh = record(readJson('package.nls.zh-cn.json'), 'package.nls.zh-cn.json');
    for (const rule of RULES) {
      const setting = record(properties[`zh-report.diagnostics.${rule.code}`], rule.code);
      assert.equal(setting['default'], rule.defaultSeverity, rule.code);
      assert.deepEqual(setting['enum'], ['error', 'warning', 'information', 'hint', 'off']);
      const key = `configuration.diagnostics.${rule.code}.description`;
      assert.equal(setting['markdownDescription'], `%${key}%`);
      assert.ok(String(en[key]).startsWith(rule.description.en), `${key} (en)`);
      assert.ok(String(zh[key]).startsWith(rule.description.zh), `${key} (zh)`);
    }
    assert.equal(RULES.find((r) => r.code === 'script-mixing')?.defaultSeverity, 'off', 'script mixing is off by default');
  });

  it('offers the copy-outline commands in the Outline view\'s title bar and the glossary export in the Report Terms view\'s, for reports', () => {
    const menus = record(contributes['menus'], 'menus');
    const title = array(menus['view/title'], 'view/title').map((m) => record(m, 'menu item'));
    const inView = (view: string): string[] => title.filter((m) => String(m['when']).startsWith(`view == ${view}`)).map((m) => String(m['command']));
    assert.deepEqual(inView('outline').sort(), ['zh-report.copyOutline', 'zh-report.copyOutlineMarkdown', 'zh-report.copyOutlineMarkdownList', 'zh-report.copySectionOutline']);
    for (const m of title.filter((x) => String(x['when']).startsWith('view == outline'))) assert.match(String(m['when']), /zh-report\.activeReport/);
    assert.deepEqual(inView('zh-report.terms').sort(), ['zh-report.exportGlossaryCsv', 'zh-report.exportGlossaryMarkdown']);
    const palette = array(menus['commandPalette'], 'commandPalette').map((m) => record(m, 'menu item'));
    for (const command of [...inView('outline'), ...inView('zh-report.terms'), 'zh-report.showWordCount']) {
      assert.equal(palette.find((m) => m['command'] === command)?.['when'], 'editorLangId == zh-report', command);
    }
  });

  it('offers the conversion commands in the palette for zh-report documents only', () => {
    const palette = array(record(contributes['menus'], 'menus')['commandPalette'], 'commandPalette').map((m) => record(m, 'menu item'));
    for (const command of ['zh-report.convertToSimplified', 'zh-report.convertToTraditional', 'zh-report.convertToTraditionalPhrases', 'zh-report.convertToTraditionalHongKong']) {
      assert.equal(palette.find((m) => m['command'] === command)?.['when'], 'editorLangId == zh-report', command);
    }
  });
});

describe('manifest: localisation', () => {
  const keys = placeholders(manifest);

  for (const file of ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
    it(`${file} has exactly the manifest's %keys%`, () => {
      const nls = record(readJson(file), file);
      assert.ok(keys.size >= 8);
      assert.deepEqual(Object.keys(nls).sort(), [...keys].sort());
      for (const [key, value] of Object.entries(nls)) {
        assert.ok(typeof value === 'string' && value.trim().length > 0, `${file}: ${key} is empty`);
      }
    });
  }

  it('the Chinese command titles are the agreed ones', () => {
    const zh = record(readJson('package.nls.zh-cn.json'), 'package.nls.zh-cn.json');
    const en = record(readJson('package.nls.json'), 'package.nls.json');
    assert.equal(en['command.restartServer.title'], 'Restart Language Server');
    assert.equal(zh['command.restartServer.title'], '重启语言服务器');
  });

  for (const file of ['l10n/bundle.l10n.zh-cn.json', 'l10n/bundle.l10n.zh-tw.json']) it(`${file} translates exactly the strings the client passes to vscode.l10n.t`, () => {
    const used = new Set([...clientSources.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]));
    assert.ok(used.size >= 3);
    const bundle = record(readJson(file), 'bundle');
    assert.deepEqual(Object.keys(bundle).sort(), [...used].sort());
    for (const [source, translation] of Object.entries(bundle)) {
      const placeholdersIn = (text: string): string[] => (text.match(/\{\d+\}/g) ?? []).sort();
      assert.equal(typeof translation, 'string');
      assert.deepEqual(placeholdersIn(String(translation)), placeholdersIn(source), `placeholders of ${source}`);
    }
  });
});
