#!/usr/bin/env node
// The command-line client: compiled by `npm run build` (run on install by `prepare`).
require('../dist/src/cli/main.js').main();
