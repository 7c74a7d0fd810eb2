/**
 * The extension's settings (contributed in package.json under `zh-report.*`) and how they are read.
 */
import * as vscode from 'vscode';
import type { ServerSettingsPayload } from '../../server/src/protocol';

export const CONFIG_SECTION = 'zh-report';

export const Setting = {
  detectEnabled: 'detect.enabled',
  detectMarkdown: 'detect.markdown',
  maxFileSizeMB: 'maxFileSizeMB',
  encodingHint: 'encodingHint.enabled',
} as const;

export const DEFAULT_MAX_FILE_SIZE_MB = 20;

/** `zh-report.maxFileSizeMB` for `scope`, falling back to the default when the value is not a positive number. */
export function maxFileSizeMB(scope?: vscode.ConfigurationScope): number {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION, scope).get<unknown>(Setting.maxFileSizeMB);
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_FILE_SIZE_MB;
}

/** `zh-report.diagnostics.*`: severity per check code and `maxPerDocument`, as VS Code gives the section (an object keyed by code). */
export function diagnosticSeverities(): Record<string, string | number> {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>('diagnostics');
  const out: Record<string, string | number> = {};
  if (typeof value === 'object' && value !== null) {
    for (const [code, severity] of Object.entries(value)) {
      if (typeof severity === 'string' || (code === 'maxPerDocument' && typeof severity === 'number')) out[code] = severity;
    }
  }
  return out;
}

/** What the server is told (see `SETTINGS_SECTION` in the shared protocol). */
export function serverSettings(): ServerSettingsPayload {
  return { maxDocumentSizeMB: maxFileSizeMB(), diagnostics: diagnosticSeverities() };
}
