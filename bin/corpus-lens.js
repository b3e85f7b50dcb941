#!/usr/bin/env node
// The corpus-lens command line: a thin launcher for the bundled CLI (npm run build makes it).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('corpus-lens: dist/cli.js is missing; run `npm run build` in the corpus-lens folder first.');
  process.exit(2);
}
require(cli);
