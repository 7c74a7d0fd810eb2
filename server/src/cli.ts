/**
 * The command line (bundled to dist/cli.js, run as `zh-report`): the report service of the language server, with the
 * Node host (iconv-lite for the encodings, no workspace files), on one file.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createNodeHost } from './node/host';
import { isSupportedEncoding } from './node/encoding';
import type { OutlineNode } from './protocol';
import { serverVersion } from './serverInfo';
import { createReportService, DEFAULT_SETTINGS } from './service';

const USAGE = `Usage: zh-report <command> [options]

Commands:
  outline FILE         Print the outline of FILE: one heading per line, indented by two spaces
                       per level, each preceded by its line number (1-based). FILE "-" reads stdin.

Options:
  --json               Print { file, encoding, outline } as JSON instead (outline lines are 0-based).
  --encoding NAME      Decode FILE as NAME (e.g. gbk, big5, utf-8) instead of detecting it.
                       Detection: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030.
  -h, --help           Show this help.
  -v, --version        Show the version.

Exit status: 0 on success, 1 when the file cannot be read, 2 on a usage error.
`;

export interface CliIo {
  readonly readFile: (path: string) => Uint8Array;
  readonly readStdin: () => Uint8Array;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

interface OutlineCommand {
  readonly file: string;
  readonly json: boolean;
  readonly encoding: string | undefined;
}

class UsageError extends Error {}

/** The CLI never cancels (a local token keeps the LSP runtime out of the CLI bundle). */
const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

/** Runs the command line `argv` (without node and the script); returns the exit status. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    if (argv.length === 0 || argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') {
      (argv.length === 0 ? io.err : io.out)(USAGE);
      return argv.length === 0 ? 2 : 0;
    }
    if (argv.includes('-v') || argv.includes('--version')) {
      io.out(`${serverVersion()}\n`);
      return 0;
    }
    const [command, ...rest] = argv;
    if (command !== 'outline') {
      throw new UsageError(`unknown command: ${command}`);
    }
    return outline(parseOutline(rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`zh-report: ${error.message}\nRun "zh-report --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}

function parseOutline(args: readonly string[]): OutlineCommand {
  let file: string | undefined;
  let json = false;
  let encoding: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') {
      json = true;
    } else if (arg === '--encoding' || arg.startsWith('--encoding=')) {
      encoding = arg === '--encoding' ? args[++i] : arg.slice('--encoding='.length);
      if (encoding === undefined || encoding === '') {
        throw new UsageError('--encoding needs a name, e.g. --encoding gbk');
      }
      if (!isSupportedEncoding(encoding)) {
        throw new UsageError(`unknown encoding: ${encoding}`);
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option: ${arg}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError('outline takes one FILE');
    }
  }
  if (file === undefined) {
    throw new UsageError('outline needs a FILE (or - for stdin)');
  }
  return { file, json, encoding };
}

function outline(command: OutlineCommand, io: CliIo): number {
  let bytes: Uint8Array;
  try {
    bytes = command.file === '-' ? io.readStdin() : io.readFile(command.file);
  } catch (error) {
    io.err(`zh-report: cannot read ${command.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const host = createNodeHost({ files: false });
  const { text, encoding } = host.codec.decode(bytes, command.encoding);
  if (text.includes('\0')) {
    io.err(`zh-report: ${command.file} looks like a binary file (it contains NUL characters)\n`);
    return 1;
  }
  const document = TextDocument.create(command.file === '-' ? 'stdin:' : pathToFileURL(command.file).href, 'zh-report', 0, text);
  // no size limit on the command line: the user chose the file
  const service = createReportService(host, { settings: { ...DEFAULT_SETTINGS, maxDocumentSizeMB: Number.MAX_SAFE_INTEGER / (1024 * 1024) } });
  const nodes = service.outline(document, { uri: document.uri }, NEVER_CANCELLED);
  if (command.json) {
    io.out(`${JSON.stringify({ file: command.file, encoding, outline: nodes }, undefined, 2)}\n`);
  } else {
    io.out(formatOutline(nodes));
    if (nodes.length === 0) {
      io.err(`zh-report: no headings found in ${command.file}\n`);
    }
  }
  return 0;
}

/** One heading per line: two spaces per level, the 1-based line number, the heading's name. */
export function formatOutline(nodes: readonly OutlineNode[]): string {
  const lines: string[] = [];
  const stack: Array<{ readonly node: OutlineNode; readonly depth: number }> = [];
  for (const node of [...nodes].reverse()) {
    stack.push({ node, depth: 0 });
  }
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, depth } = top;
    lines.push(`${'  '.repeat(depth)}${node.line + 1}: ${node.name.replace(/\s+/g, ' ')}\n`);
    for (const child of [...node.children].reverse()) {
      stack.push({ node: child, depth: depth + 1 });
    }
  }
  return lines.join('');
}

/** Runs the command line of this process and sets its exit code. */
export function main(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `zh-report outline big.txt | head`: the reader went away; that is not a failure.
    process.exit(error.code === 'EPIPE' ? 0 : 1);
  });
  process.exitCode = runCli(process.argv.slice(2), {
    readFile: (path) => readFileSync(path),
    readStdin: () => readFileSync(0),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  });
}

if (require.main === module) {
  main();
}
