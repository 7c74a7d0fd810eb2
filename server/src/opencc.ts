/**
 * The one place that loads opencc-js and builds its converters: for the analysis core's one key per term
 * (`openccConverter`, traditional → simplified) and for the conversion commands and the script-mixing table
 * (service/convert.ts, `converterTo`), handed to the service by the Node host (node/host.ts) as `host.scripts`;
 * messagesTaiwan.ts converts the checks' messages with it too.
 *
 * Lazy: a bundle (t2cn 108 KB, cn2t larger) is required, and a converter built (~65 ms for → cn, ~0.35 s for
 * cn → tw), only on the first conversion that needs it, then kept: one converter per target per process. Opening a
 * document and asking for its outline never loads opencc-js. Targets: `cn` (simplified, from Taiwan traditional,
 * which also folds its variants 裡 → 里), `tw`, `hk` (traditional, character for character) and `twp` (Taiwan phrases,
 * 内存 → 記憶體, which changes lengths).
 */
import type { ScriptConverter } from './core';
import type { ConvertTarget } from './protocol';

type ConverterFunction = (text: string) => string;
interface OpenCCModule {
  Converter(options: { from: string; to: string }): ConverterFunction;
}

const converters = new Map<ConvertTarget, ConverterFunction>();
let builds = 0;

function load(bundle: 'cn2t' | 't2cn'): OpenCCModule {
  // Required on first use only, inside the function (esbuild still bundles them).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return bundle === 'cn2t' ? (require('opencc-js/cn2t') as OpenCCModule) : (require('opencc-js/t2cn') as OpenCCModule);
}

/** The converter to `target`, built on first use and kept. */
export function converterTo(target: ConvertTarget): ConverterFunction {
  let convert = converters.get(target);
  if (convert === undefined) {
    convert = target === 'cn' ? load('t2cn').Converter({ from: 'tw', to: 'cn' }) : load('cn2t').Converter({ from: 'cn', to: target });
    converters.set(target, convert);
    builds++;
  }
  return convert;
}

/** How many converters this process has built (tests: nothing is built before it is needed, and each target once). */
export function converterBuilds(): number {
  return builds;
}

/** What the core asks for (once per process: it keeps the character table it builds, see core/terms/normalize.ts). */
export const openccConverter: ScriptConverter = {
  toSimplified: (text) => converterTo('cn')(text),
};
