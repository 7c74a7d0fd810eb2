// Entry points of the extension-host suite.
//  - run(): what @vscode/test-electron's `extensionTestsPath` calls (spec reporter on the console; rejects on failures).
//  - runToFile(file): what the e2e driver extension calls inside code-server: writes a JSON result with mocha's
//    text summary, because nothing reads the extension host's console there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function createMocha(reporter?: Mocha.ReporterConstructor): Mocha {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000 });
  if (reporter) mocha.reporter(reporter);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return mocha;
}

export function run(): Promise<void> {
  const mocha = createMocha();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
  /** mocha-style text: the spec tree, then the failures with their messages. */
  summary: string;
}

export async function runToFile(resultsFile: string): Promise<SuiteResults> {
  const tests: TestResult[] = [];
  const lines: string[] = [];
  const failures: string[] = [];
  const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

  class FileReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      let depth = 0;
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        depth = suite.titlePath().length;
        if (suite.title) lines.push(`${'  '.repeat(depth)}${suite.title}`);
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
        lines.push(`${'  '.repeat(depth + 1)}✔ ${test.title} (${test.duration ?? 0}ms)`);
      });
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
        const error = err?.stack ?? String(err);
        tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error });
        failures.push(`  ${failures.length + 1}) ${test.fullTitle()}:\n${error.split('\n').slice(0, 40).map((l) => `     ${l}`).join('\n')}`);
        lines.push(`${'  '.repeat(depth + 1)}${failures.length}) ${test.title}`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        tests.push({ title: test.fullTitle(), state: 'pending' });
        lines.push(`${'  '.repeat(depth + 1)}- ${test.title}`);
      });
    }
  }

  const mocha = createMocha(FileReporter);
  await new Promise<void>((resolve) => mocha.run(() => resolve()));
  const passed = tests.filter((t) => t.state === 'passed').length;
  const failed = tests.filter((t) => t.state === 'failed').length;
  const pending = tests.filter((t) => t.state === 'pending').length;
  const summary = [
    ...lines,
    '',
    `  ${passed} passing`,
    ...(failed > 0 ? [`  ${failed} failing`] : []),
    ...(pending > 0 ? [`  ${pending} pending`] : []),
    ...(failures.length > 0 ? ['', ...failures] : []),
    '',
  ].join('\n');
  const results: SuiteResults = { passed, failed, pending, tests, summary };
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(`${resultsFile}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${resultsFile}.tmp`, resultsFile);
  return results;
}
