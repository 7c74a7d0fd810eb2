/**
 * The traditional → simplified converter the analysis core needs for one key per term, backed by opencc-js.
 *
 * Lazy twice over: the opencc-js t2cn bundle (108 KB) is loaded, and its converter built (~65 ms), only when the
 * core first asks for a conversion — which it does once per process, to build its character table (see
 * core/terms/normalize.ts). Opening a document and asking for its outline never loads it. Tests that convert whole
 * documents with it (the seed's simplified version) build one converter per call.
 */
import type { ScriptConverter } from './core';

type ConverterFunction = (text: string) => string;
interface OpenCCModule {
  Converter(options: { from: string; to: string }): ConverterFunction;
}

let builds = 0;

/**
 * A fresh converter for each call, not kept: the core calls this once per process (it keeps the character table it
 * builds from the answer, see core/terms/normalize.ts), and the converter's tries (~2.5 MB of heap) are not needed
 * after that.
 */
function convertOnce(text: string): string {
  // A require inside the function (not a top-level import) keeps the module unloaded until it is needed; esbuild
  // still bundles it. `from: 'tw'` also folds Taiwan variants (裡 → 里) before the t → cn tables.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const OpenCC = require('opencc-js/t2cn') as OpenCCModule;
  builds++;
  return OpenCC.Converter({ from: 'tw', to: 'cn' })(text);
}

export const openccConverter: ScriptConverter = {
  toSimplified: convertOnce,
};

/** How many opencc converters this process has built (0 until terms are first needed, then 1). */
export function openccConverterBuilds(): number {
  return builds;
}
