/** zh-report/status: the server's version and how many documents it holds open. */
import type { StatusResult } from '../protocol';
import type { OpenDocuments } from '../service/documents';

export function provideStatus(open: OpenDocuments, version: string): StatusResult {
  return { version, documents: open.all().length };
}
