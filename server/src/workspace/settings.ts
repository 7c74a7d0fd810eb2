/**
 * The server's settings and how they are read from what the client sends.
 *
 * The shapes are declared in the shared protocol file (`ServerSettingsPayload`, `SETTINGS_SECTION`).
 * Sources, later ones winning:
 * - `initializationOptions` of the `initialize` request: `{ "maxDocumentSizeMB": 20 }`;
 * - `workspace/didChangeConfiguration` with `{ "settings": { "zhReport": { "maxDocumentSizeMB": 20 } } }`
 *   (what vscode-languageclient sends with `synchronize: { configurationSection: 'zhReport' }`).
 * Values of the wrong type are ignored (the default or the previous value stays).
 */

import { SETTINGS_SECTION, type ServerSettingsPayload } from '../protocol';

/** The settings in effect (the payload the client sends, with every value present). */
export type ServerSettings = ServerSettingsPayload;

export const DEFAULT_SETTINGS: ServerSettings = { maxDocumentSizeMB: 20 };

/** `base` updated with whatever valid settings `value` carries (a flat object of settings). */
export function mergeSettings(base: ServerSettings, value: unknown): ServerSettings {
  if (!isRecord(value)) {
    return base;
  }
  const size = value['maxDocumentSizeMB'];
  return {
    maxDocumentSizeMB: typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : base.maxDocumentSizeMB,
  };
}

/** The `zhReport` section of a `workspace/didChangeConfiguration` notification's params, if any. */
export function settingsSection(params: unknown): unknown {
  if (!isRecord(params) || !isRecord(params['settings'])) {
    return undefined;
  }
  return params['settings'][SETTINGS_SECTION];
}

export function maxDocumentBytes(settings: ServerSettings): number {
  return Math.floor(settings.maxDocumentSizeMB * 1024 * 1024);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
