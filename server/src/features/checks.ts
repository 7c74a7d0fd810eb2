/**
 * Wires the checks to the connection: pull diagnostics, code actions (quick fixes, source.fixAll.zh-report) and the
 * conversion command, with their capabilities and the per-rule severity settings (`zh-report.diagnostics.*`).
 *
 * Settings come from initializationOptions (`diagnostics`), from workspace/didChangeConfiguration payloads, and from
 * the `zh-report` section pulled with workspace/configuration where the client answers it; a change makes the
 * client pull diagnostics again (workspace/diagnostic/refresh).
 */
import {
  CodeActionKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ExecuteCommandParams,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { ScriptTable } from '../core/checks';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, ServerCommands, type ConvertScriptResult } from '../protocol';
import { guard, invalidParams, onDocument, textDocumentUri, type Logger } from '../requests';
import { DEFAULT_MAX_PER_DOCUMENT, readDiagnosticSettings, readMaxPerDocument } from '../workspace/diagnosticSettings';
import type { ReportWorkspace } from '../workspace/workspace';
import { provideCodeActions, workspaceEdit } from './codeActions';
import { convertArgs, convertEdits, convertLabel } from './commands';
import { scriptTableFromOpenCC } from './convert';
import { Checks, emptyReport } from './diagnostics';

const CONFIG_SECTION = 'zh-report';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class ChecksFeature {
  readonly checks: Checks;
  readonly #connection: Connection;
  readonly #workspace: ReportWorkspace;
  readonly #logger: Logger;
  readonly #caps: { documentChanges: boolean; refresh: boolean; configuration: boolean } = { documentChanges: false, refresh: false, configuration: false };
  #initialized = false;

  constructor(connection: Connection, workspace: ReportWorkspace, logger: Logger, scriptTable: () => ScriptTable = scriptTableFromOpenCC) {
    this.#connection = connection;
    this.#workspace = workspace;
    this.#logger = logger;
    this.checks = new Checks(scriptTable, (analyzed) => workspace.terms(analyzed));
  }

  /** Reads the client's locale and capabilities; the capabilities to announce. */
  initialize(params: InitializeParams): ServerCapabilities {
    this.checks.initialize(params);
    const workspace = params.capabilities.workspace;
    this.#caps.documentChanges = workspace?.workspaceEdit?.documentChanges === true;
    this.#caps.refresh = workspace?.diagnostics?.refreshSupport === true;
    this.#caps.configuration = workspace?.configuration === true;
    this.configure(params.initializationOptions);
    return {
      diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: [ServerCommands.convertScript] },
    };
  }

  /** After `initialized`: the client may now be asked for its configuration. */
  initialized(): void {
    this.#initialized = true;
    void this.pull();
  }

  /** Settings from a payload (`{ diagnostics }`) or a configuration section; true when they changed. */
  configure(value: unknown): boolean {
    const settings = readDiagnosticSettings(value);
    if (settings === undefined) return false;
    const severities = this.checks.updateSettings(settings);
    const max = this.checks.updateMaxPerDocument(readMaxPerDocument(value) ?? DEFAULT_MAX_PER_DOCUMENT);
    if (!severities && !max) return false;
    if (this.#initialized && this.#caps.refresh) {
      this.#connection.languages.diagnostics.refresh();
    }
    return true;
  }

  /** workspace/didChangeConfiguration: `{ settings: { zhReport: payload } }` or `{ settings: { "zh-report": section } }`, then a pull. */
  configurationChanged(params: unknown): void {
    const settings = isRecord(params) && isRecord(params['settings']) ? params['settings'] : undefined;
    if (settings !== undefined) {
      for (const value of Object.values(settings)) this.configure(value);
    }
    void this.pull();
  }

  /** Asks the client for the `zh-report` section (VS Code answers it; other clients may not). */
  async pull(): Promise<void> {
    if (!this.#caps.configuration || !this.#initialized) return;
    try {
      const section: unknown = await this.#connection.workspace.getConfiguration({ section: CONFIG_SECTION });
      this.configure(section);
    } catch {
      // a client that cannot answer keeps what it sent
    }
  }

  register(): void {
    const { checks } = this;
    const report = onDocument<DocumentDiagnosticParams, DocumentDiagnosticReport>(
      this.#workspace,
      textDocumentUri,
      (analyzed, params, token) => checks.report(analyzed, params, token),
      emptyReport,
    );
    const diagnostics = guard(this.#logger, 'textDocument/diagnostic', report);
    // The guard's errors carry no data; the protocol's cancellation data is optional.
    this.#connection.languages.diagnostics.on((params, token) => diagnostics(params, token) as Promise<DocumentDiagnosticReport>);

    const codeActions = onDocument<CodeActionParams, CodeAction[]>(
      this.#workspace,
      textDocumentUri,
      (analyzed, params, token) => provideCodeActions(analyzed, params, token, checks, this.#caps),
      () => [],
    );
    this.#connection.onCodeAction(guard(this.#logger, 'textDocument/codeAction', codeActions));

    this.#connection.onExecuteCommand(
      guard(this.#logger, 'workspace/executeCommand', (params: ExecuteCommandParams, token) => this.#execute(params, token)),
    );
  }

  async #execute(params: ExecuteCommandParams, token: CancellationToken): Promise<ConvertScriptResult> {
    if (params.command !== ServerCommands.convertScript) throw invalidParams(`Unknown command ${params.command}.`);
    const args = convertArgs(params.arguments);
    const document = this.#workspace.get(args.uri);
    if (document === undefined) throw invalidParams(`Unknown document ${args.uri}: it is not open.`);
    const edits = convertEdits(document, args, token);
    if (edits.length === 0) return { applied: false, edits: 0 };
    const result = await this.#connection.workspace.applyEdit({
      label: convertLabel(args.target, this.checks.lang),
      edit: workspaceEdit(document, edits, this.#caps),
    });
    return { applied: result.applied, edits: edits.length };
  }
}
