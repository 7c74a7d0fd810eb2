import type * as vscode from 'vscode';

/** The last segment of a URI's path (a file's name), for messages: works for every scheme and host, no `node:path`. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
