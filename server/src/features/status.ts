/** zh-report/status: the server's version and how many documents it holds open. */
import type { StatusResult } from '../protocol';
import type { ReportWorkspace } from '../workspace/workspace';

export function provideStatus(workspace: ReportWorkspace, version: string): StatusResult {
  return { version, documents: workspace.documentCount };
}
