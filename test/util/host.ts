/** The Node host as the tests use it (iconv-lite, opencc-js, node:fs), and what the tests build from it. */
import type { ScriptTable } from '../../server/src/core/checks';
import { createNodeHost } from '../../server/src/node/host';
import { scriptTableOf } from '../../server/src/service/convert';

export const nodeHost = createNodeHost({ logger: { error: () => undefined, info: () => undefined } });

/** The script-mixing tables (built once per host, from opencc-js, GBK and Big5). */
export function scriptTable(): ScriptTable {
  return scriptTableOf(nodeHost.scripts, nodeHost.codec);
}
