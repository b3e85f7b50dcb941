// The packages users install: `npm pack` gives a tarball that `npm install -g` (offline: the
// bundle has no runtime dependencies) turns into a working `corpus-lens` command, language
// server included; and the .vsix builds with its icon, pictures, translations and sample.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from './harness/paths';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, { cwd: options.cwd ?? repoRoot, input: options.input, encoding: 'utf8', env: { ...process.env, ...options.env }, timeout: 180_000 });
  return { code: result.status, out: result.stdout ?? '', err: result.stderr ?? '' };
}

describe('the npm package installs a working corpus-lens command', { timeout: 300_000 }, () => {
  let dir: string;
  let bin: string;
  let files: string[];

  before(() => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'cli.js')), 'npm run build made dist/ first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-pack-'));
    // The build is done (npm test builds first): pack it as it is, without running prepack again.
    const packed = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir]);
    assert.equal(packed.code, 0, packed.err);
    const [info] = JSON.parse(packed.out) as { filename: string; files: { path: string }[] }[];
    files = info.files.map((f) => f.path);
    const prefix = path.join(dir, 'prefix');
    // --offline: everything comes from the tarball; a runtime dependency would fail here.
    const installed = run(npm, ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(dir, info.filename)], { env: { npm_config_cache: path.join(dir, 'cache') } });
    assert.equal(installed.code, 0, `npm install -g failed:\n${installed.out}\n${installed.err}`);
    bin = path.join(prefix, 'bin', 'corpus-lens');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('packs the bundles, not the sources, maps or the extension client', () => {
    for (const file of ['bin/corpus-lens.js', 'dist/cli.js', 'dist/server.js', 'dist/analysis.js', 'dist/indexWorker.js', 'dist/statWorker.js', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
      assert.ok(files.includes(file), `${file} is in the tarball: ${files.join(', ')}`);
    }
    const unwanted = files.filter((f) => /\.(ts|map)$/.test(f) || f.startsWith('test/') || f.startsWith('node_modules/') || f === 'dist/client.js');
    assert.deepEqual(unwanted, []);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { private?: boolean; dependencies?: object };
    assert.equal(manifest.private, undefined, 'the package is not private');
    assert.equal(manifest.dependencies, undefined, 'no runtime dependencies: the bundles carry everything');
  });

  it('runs --version, --help and a scan of the sample from the installed command', () => {
    const version = run(bin, ['--version']);
    assert.equal(version.code, 0, version.err);
    assert.equal(version.out.trim(), JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
    assert.match(run(bin, ['--help']).out, /Usage: corpus-lens <command>/);
    const bad = run(bin, ['scan', 'sample', '--bogus']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown option --bogus\nUsage: corpus-lens scan/);
    const scan = run(bin, ['scan', path.join(repoRoot, 'sample'), '--json'], { cwd: dir });
    assert.equal(scan.code, 0, scan.err);
    const summary = JSON.parse(scan.out) as { articles: number; entities: { person: { top: { name: string }[] } } };
    assert.equal(summary.articles, 10);
    assert.ok(summary.entities.person.top.some((p) => p.name === 'Odile Farrance'));
    assert.equal(scan.err, '', 'no progress bar when standard error is not a terminal');
  });

  it('reads standard input: extract --from-jsonl -', () => {
    const input = `${JSON.stringify({ id: 'x', text: 'Ms Agnes Whitlow met Tomas Brack in Paris on Tuesday.', docDate: '2024-03-05' })}\n`;
    const result = run(bin, ['extract', '--from-jsonl', '-'], { input });
    assert.equal(result.code, 0, result.err);
    const doc = JSON.parse(result.out) as { id: string; spans: { start: number; end: number; type: string; norm: string | null }[] };
    assert.equal(doc.id, 'x');
    assert.ok(doc.spans.some((s) => s.type === 'PERSON' && s.start === 3 && s.end === 16), result.out);
    assert.ok(doc.spans.some((s) => s.type === 'DATE' && s.norm === '2024-03-05'), result.out);
  });

  it('serves the language server: corpus-lens lsp --stdio answers initialize and exits on exit', async () => {
    const server = spawn(bin, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    let received = '';
    const answered = new Promise<string>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        received += chunk.toString('utf8');
        if (received.includes('"id":1')) resolve(received);
      });
      server.on('exit', (code) => reject(new Error(`the server exited (${code}) before answering: ${received}`)));
      setTimeout(() => reject(new Error(`no answer within 30 s: ${received}`)), 30_000).unref();
    });
    server.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null } }));
    const text = await answered;
    assert.match(text, /"hoverProvider":true/);
    assert.match(text, /"name":"corpus-lens"/);
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.stdin.write(frame({ id: 2, method: 'shutdown' }));
    server.stdin.write(frame({ method: 'exit' }));
    assert.equal(await exited, 0, 'exit after shutdown ends the process with 0');
  });
});

describe('the VS Code extension package', { timeout: 120_000 }, () => {
  it('builds a .vsix with the icon, the README pictures, translations and the sample', async () => {
    // vsce's own packer (what `npm run package` runs after the production build), into a
    // temporary file: the dist/ the other tests use is not rebuilt under them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vsce = require(path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'out', 'package.js')) as {
      pack(options: object): Promise<{ packagePath: string; files: { path: string }[] }>;
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-vsix-'));
    try {
      const { packagePath, files } = await vsce.pack({ cwd: repoRoot, packagePath: path.join(dir, 'corpus-lens.vsix'), dependencies: false, rewriteRelativeLinks: false });
      assert.ok(fs.statSync(packagePath).size > 100_000);
      const paths = files.map((f) => f.path);
      const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
      const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+\.png)\)/g)].map((m) => m[1]);
      assert.ok(pictures.length >= 3, `the README shows pictures: ${pictures.join(', ')}`);
      const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { icon: string; contributes: { walkthroughs: { steps: { media: { image?: string } }[] }[] } };
      const walkthroughImages = manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.image).filter((i): i is string => !!i));
      // vsce files the README, changelog and licence under names of its own.
      for (const file of ['readme.md', 'changelog.md', 'LICENSE.txt']) assert.ok(paths.includes(`extension/${file}`), `${file} is in the .vsix`);
      for (const file of ['package.json', 'package.nls.json', 'l10n/bundle.l10n.json', manifest.icon, 'dist/client.js', 'dist/server.js', 'dist/analysis.js', 'sample/.corpuslens.json', 'sample/01-dock-strike-begins.txt', ...pictures, ...walkthroughImages]) {
        assert.ok(paths.includes(`extension/${file}`), `${file} is in the .vsix`);
      }
      assert.deepEqual(paths.filter((p) => /\.(ts|map)$/.test(p) || p.includes('node_modules/') || p.startsWith('extension/test/')), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
