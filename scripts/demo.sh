#!/usr/bin/env bash
# `npm run demo`: install and build everything, print the outline of the seed report with the bundled command-line
# tool, then open seeds/ in a VS Code with the extension loaded — the desktop `code` when it is on the PATH,
# otherwise code-server (installed and cached like the tests do, without their Chromium) whose URL opens the seed.
# A busy port is said at once (ZH_REPORT_DEMO_PORT chooses another). Ctrl+C stops code-server quietly.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build

printf '\n== zh-report outline seeds/chongqing-minjin-2017-scraped.txt\n'
node dist/cli.js outline seeds/chongqing-minjin-2017-scraped.txt

if command -v code >/dev/null 2>&1 && [ "${ZH_REPORT_DEMO:-}" != "code-server" ]; then
  printf '\n== opening seeds/ in VS Code with the extension loaded (--extensionDevelopmentPath)\n'
  exec code --extensionDevelopmentPath="$PWD" "$PWD/seeds" "$PWD/seeds/chongqing-minjin-2017-scraped.txt"
fi
printf '\n== no desktop VS Code here: starting code-server (first time: installs Node 24 and code-server, no browser)\n'
exec node scripts/e2e-code-server.mjs --serve --no-screenshot
