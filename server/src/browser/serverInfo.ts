/**
 * The server's name and version in the browser bundle, which replaces ../serverInfo.ts there (no package.json to
 * read in a web worker): the version is the manifest's, written into the bundle by esbuild (`define`).
 */
declare const ZH_REPORT_VERSION: string | undefined;

export const SERVER_NAME = 'zh-report';

export function serverVersion(): string {
  return typeof ZH_REPORT_VERSION === 'string' ? ZH_REPORT_VERSION : '0.0.0-unknown';
}
