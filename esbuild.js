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
};

// The workspace loads the analysis engine lazily (require('./analysis') in workspace.ts); in
// the bundles that require points at dist/analysis.js, so the server starts without parsing it.
const lazyEngine = {
  name: 'lazy-engine',
  setup(build) {
    build.onResolve({ filter: /^\.\/analysis$/ }, (args) =>
      args.kind === 'require-call' && /[\\/]server[\\/]src[\\/]workspace\.ts$/.test(args.importer) ? { path: './analysis.js', external: true } : undefined,
    );
  },
};

const targets = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [lazyEngine] },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [lazyEngine] },
  { ...common, entryPoints: ['server/src/analysis/index.ts'], outfile: 'dist/analysis.js' },
  { ...common, entryPoints: ['server/src/host/statWorker.ts'], outfile: 'dist/statWorker.js' },
  { ...common, entryPoints: ['server/src/host/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
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
