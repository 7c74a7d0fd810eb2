/** The report language service: what a host (the Node server, a browser worker, the command line, a test) imports. */
export { createReportService, type ClientFeatures, type ConvertCommandEdit, type ReportLanguageService, type ReportServiceOptions } from './service';
export type { ReportHost } from './host';
export type { OpenDocuments } from './documents';
export { CONFIGURATION_SECTION, DEFAULT_SETTINGS, readSettings, settingsInNotification, type ReportSettings, type SettingsChange } from './settings';
export { COMPLETION_TRIGGERS } from '../features/completion';
export { SEMANTIC_TOKENS_LEGEND } from '../features/semanticTokens';
