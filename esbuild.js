// Bundles the extension client, the language server, the CLI and the index worker.
// Every failure exits non-zero so CI never passes a broken bundle.
const esbuild = require('esbuild');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's main entry is a UMD module that requires its parts at run time; its ES module
  // entry bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// The analysis engine (a few MB of word lists) is bundled once, as dist/analysis.js. The server,
// the index worker and the CLI require it from there instead of carrying a copy each, and the
// workspace requires it lazily (workspace.ts), so the server starts without parsing it.
const sharedEngine = {
  name: 'shared-engine',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/analysis$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]analysis[\\/]/.test(args.importer) ? undefined : { path: './analysis.js', external: true },
    );
  },
};

const targets = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // serverInfo.version is the package's version.
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [sharedEngine], define: { CORPUS_LENS_VERSION: JSON.stringify(require('./package.json').version) } },
  {
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    plugins: [sharedEngine],
    // `corpus-lens --version` prints the package's version.
    define: { CORPUS_LENS_VERSION: JSON.stringify(require('./package.json').version) },
  },
  { ...common, entryPoints: ['server/src/analysis/index.ts'], outfile: 'dist/analysis.js' },
  { ...common, entryPoints: ['server/src/host/statWorker.ts'], outfile: 'dist/statWorker.js' },
  { ...common, entryPoints: ['server/src/host/indexWorker.ts'], outfile: 'dist/indexWorker.js', plugins: [sharedEngine] },
  // The dashboard's webview: a browser script (ECharts, d3-force) and its stylesheet, dist/dashboard.{js,css}.
  { ...common, platform: 'browser', target: 'chrome120', format: 'iife', entryPoints: { dashboard: 'client/src/dashboard/webview/main.ts' }, outdir: 'dist', minify: true },
];

async function main() {
  if (watch) {
    for (const options of targets) {
      const context = await esbuild.context(options);
      await context.watch();
    }
    console.log('esbuild: watching');
    return;
  }
  await Promise.all(targets.map((options) => esbuild.build(options)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
