#!/usr/bin/env node
// The zh-report command line: `zh-report outline FILE`, `zh-report --help`.
'use strict';

require('../dist/cli.js').main();
