/**
 * One configuration manager: the service's settings come from one place per moment.
 *
 * - `initialize`: `initializationOptions` (what editors other than VS Code send; the VS Code client sends the same
 *   settings there, so the first requests already have them);
 * - after `initialized`: where the client can answer workspace/configuration, the server pulls the `zh-report` section
 *   once, and registers for didChangeConfiguration of that section (dynamically, where the client supports it);
 * - on each workspace/didChangeConfiguration: one pull of the `zh-report` section (the notification's payload is
 *   ignored: the pull is the truth); a client that cannot answer workspace/configuration sends the settings in the
 *   payload (`{ settings: { "zh-report": section } }` or `{ settings: { zhReport: payload } }`), and those are used.
 *
 * Pulls do not overlap: a change that arrives while one is under way makes one more pull after it, not one each.
 * Each applied change tells the client what to ask for again (diagnostics, inlay hints).
 */
import { DidChangeConfigurationNotification, type Connection, type InitializeParams } from 'vscode-languageserver';
import type { ReportLanguageService } from './service';
import { CONFIGURATION_SECTION, readSettings, settingsInNotification, type SettingsChange } from './service/settings';

export class ConfigurationManager {
  readonly #connection: Connection;
  readonly #service: ReportLanguageService;
  #canPull = false;
  #canRegister = false;
  #canRefreshDiagnostics = false;
  #canRefreshInlayHints = false;
  #initialized = false;
  /** The pull under way, and whether another is wanted after it. */
  #pulling: Promise<void> | undefined;
  #again = false;

  readonly #onChange: (change: SettingsChange) => void;

  /** `onChange`: after each applied change (the server checks the open documents again when the size limit changed). */
  constructor(connection: Connection, service: ReportLanguageService, onChange: (change: SettingsChange) => void = () => undefined) {
    this.#connection = connection;
    this.#service = service;
    this.#onChange = onChange;
  }

  /** Reads the client's capabilities and the settings in `initializationOptions`. */
  initialize(params: InitializeParams): void {
    const workspace = params.capabilities.workspace;
    this.#canPull = workspace?.configuration === true;
    this.#canRegister = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.#canRefreshDiagnostics = workspace?.diagnostics?.refreshSupport === true;
    this.#canRefreshInlayHints = workspace?.inlayHint?.refreshSupport === true;
    this.#service.updateSettings(readSettings(this.#service.settings, params.initializationOptions));
  }

  /**
   * After `initialized`: registers for changes of the section (the client then sends one notification at once,
   * which makes the first pull), or pulls once where it cannot register.
   */
  initialized(): void {
    this.#initialized = true;
    if (this.#canRegister) {
      this.#connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIGURATION_SECTION }).catch(() => void this.#pull());
    } else {
      void this.#pull();
    }
  }

  /** workspace/didChangeConfiguration: one pull where the client can answer it, else the payload. */
  changed(params: unknown): void {
    if (this.#canPull) {
      void this.#pull();
      return;
    }
    const section = settingsInNotification(params);
    if (section !== undefined) this.#apply(section);
  }

  /** Resolves when no pull is under way (tests). */
  async settled(): Promise<void> {
    while (this.#pulling !== undefined) await this.#pulling;
  }

  #pull(): Promise<void> {
    if (!this.#canPull || !this.#initialized) return Promise.resolve();
    if (this.#pulling !== undefined) {
      this.#again = true;
      return this.#pulling;
    }
    this.#pulling = (async () => {
      do {
        this.#again = false;
        try {
          const [section] = (await this.#connection.workspace.getConfiguration([{ section: CONFIGURATION_SECTION }])) as unknown[];
          this.#apply(section);
        } catch {
          // a client that cannot answer keeps what it sent
        }
      } while (this.#again);
      this.#pulling = undefined;
    })();
    return this.#pulling;
  }

  #apply(section: unknown): void {
    const change: SettingsChange = this.#service.updateSettings(readSettings(this.#service.settings, section));
    if (!this.#initialized) return;
    this.#onChange(change);
    if (change.diagnostics && this.#canRefreshDiagnostics) this.#connection.languages.diagnostics.refresh();
    if (change.inlayHints && this.#canRefreshInlayHints) this.#connection.languages.inlayHint.refresh().catch(() => undefined);
  }
}
