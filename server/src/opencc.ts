/**
 * The traditional → simplified converter the analysis core needs for one key per term, backed by opencc-js.
 *
 * Lazy twice over: the opencc-js t2cn bundle (108 KB) is loaded, and its converter built (~65 ms), only when the
 * core first asks for a conversion — which it does once per process, to build its character table (see
 * core/terms/normalize.ts). Opening a document and asking for its outline never loads it.
 */
import type { ScriptConverter } from './core';

type ConverterFunction = (text: string) => string;
interface OpenCCModule {
  Converter(options: { from: string; to: string }): ConverterFunction;
}

let convert: ConverterFunction | undefined;
let builds = 0;

function converter(): ConverterFunction {
  if (convert === undefined) {
    // A require inside the function (not a top-level import) keeps the module unloaded until it is needed; esbuild
    // still bundles it. `from: 'tw'` also folds Taiwan variants (裡 → 里) before the t → cn tables.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const OpenCC = require('opencc-js/t2cn') as OpenCCModule;
    convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
    builds++;
  }
  return convert;
}

export const openccConverter: ScriptConverter = {
  toSimplified: (text) => converter()(text),
};

/** How many opencc converters this process has built (0 until terms are first needed, then 1). */
export function openccConverterBuilds(): number {
  return builds;
}
