/**
 * The dashboard at scale: the bundled language server over stdio on a generated corpus, its
 * data requests timed, and the webview bundle in headless chromium (dashboardHarness.ts) with
 * data from that server: first paint, and filter changes made with the mouse.
 *
 *   npm run bench:dashboard                        10,000 articles
 *   npm run bench:dashboard -- --articles 1000     another size
 *   npm run bench:dashboard -- --json              one JSON object
 *
 * Targets (issue 15): data requests <= 200 ms, first paint <= 1 s, a filter change <= 100 ms.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, ResponseError, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { launchBrowser } from '../test/e2e/harness/browser';
import {
  DashboardFiguresRequest,
  DashboardListRequest,
  DashboardNetworkRequest,
  DashboardOverviewRequest,
  DashboardTimelineRequest,
  type DashboardNetworkResult,
  type Period,
} from '../server/src/protocol';
import { openDashboardPage, pointOf, startBundledServer } from './dashboardHarness';
import { generateCorpus, option, random } from './generateCorpus';

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const ARTICLES = Number(option('--articles', '10000'));
const SAMPLES = Number(option('--samples', '20'));
const SEED = Number(option('--seed', '1'));
const JSON_OUT = args.includes('--json');

function log(message: string): void {
  if (!JSON_OUT) console.log(message);
}

function stats(values: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(at(50)), p95: round(at(95)), max: round(sorted[sorted.length - 1]), n: sorted.length };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** A random period of 1 to 120 days inside the corpus's span (2019–2023 in generated corpora). */
function randomPeriod(rnd: () => number): Period {
  const start = Date.UTC(2019, 0, 1) + Math.floor(rnd() * 4.5 * 365) * 86_400_000;
  const end = start + Math.floor(1 + rnd() * 120) * 86_400_000;
  return { from: new Date(start).toISOString().slice(0, 10), to: new Date(end).toISOString().slice(0, 10) };
}

/**
 * CPU time (user + system) a process has used, in ms, from /proc: unlike wall time it hardly
 * grows when other processes share the cores, so it says what a request costs on a quiet machine.
 */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
}

type RequestStats = ReturnType<typeof stats> & { cpuMsPerRequest: number };

async function benchRequests(connection: ProtocolConnection, pid: number, rnd: () => number): Promise<Record<string, RequestStats>> {
  const top: DashboardNetworkResult = await connection.sendRequest(DashboardNetworkRequest, { size: 50 });
  const ids = top.nodes.map((n) => n.id);
  const pick = () => ids[Math.floor(rnd() * ids.length)];
  const measures = (await connection.sendRequest(DashboardFiguresRequest, {})).measures.map((m) => m.measure);
  const cases: Record<string, () => Promise<unknown>> = {
    overview: () => connection.sendRequest(DashboardOverviewRequest, rnd() < 0.5 ? {} : { period: randomPeriod(rnd) }),
    'timeline (corpus)': () => connection.sendRequest(DashboardTimelineRequest, { ids: [] }),
    'timeline (1 entity)': () => connection.sendRequest(DashboardTimelineRequest, { ids: [pick()] }),
    'timeline (3 entities)': () => connection.sendRequest(DashboardTimelineRequest, { ids: [pick(), pick(), pick()] }),
    'network (60 nodes)': () => connection.sendRequest(DashboardNetworkRequest, { size: 60, period: rnd() < 0.5 ? undefined : randomPeriod(rnd) }),
    'network (300 nodes)': () => connection.sendRequest(DashboardNetworkRequest, { size: 300, period: rnd() < 0.5 ? undefined : randomPeriod(rnd) }),
    'network (one type)': () => connection.sendRequest(DashboardNetworkRequest, { kinds: [(['person', 'org', 'place'] as const)[Math.floor(rnd() * 3)]], period: randomPeriod(rnd) }),
    figures: () => connection.sendRequest(DashboardFiguresRequest, { measure: measures[Math.floor(rnd() * Math.min(8, measures.length))], period: rnd() < 0.5 ? undefined : randomPeriod(rnd) }),
    'list (period articles)': () => connection.sendRequest(DashboardListRequest, { list: 'articles', ids: rnd() < 0.5 ? [pick()] : [], period: randomPeriod(rnd) }),
    'list (entities of a type)': () => connection.sendRequest(DashboardListRequest, { list: 'entities', kind: 'person' }),
  };
  const out: Record<string, RequestStats> = {};
  for (const [name, run] of Object.entries(cases)) {
    const times: number[] = [];
    const cpuBefore = cpuMs(pid);
    for (let i = 0; i < SAMPLES; i++) times.push(await time(run));
    out[name] = { ...stats(times), cpuMsPerRequest: Math.round(((cpuMs(pid) - cpuBefore) / SAMPLES) * 10) / 10 };
  }
  return out;
}

/** Sends a request and cancels it at once; resolves with the ms to the RequestCancelled answer. */
async function benchCancel(connection: ProtocolConnection): Promise<{ ms: number; cancelled: boolean }> {
  const source = new CancellationTokenSource();
  const started = performance.now();
  const pending = connection.sendRequest(DashboardNetworkRequest, { size: 300 }, source.token);
  source.cancel();
  const cancelled = await pending.then(
    () => false,
    (error: unknown) => error instanceof ResponseError && error.code === -32800,
  );
  return { ms: Math.round((performance.now() - started) * 10) / 10, cancelled };
}

async function main(): Promise<void> {
  const folder = path.join(root, 'bench', 'corpora', String(ARTICLES));
  const gen = generateCorpus(ARTICLES, SEED, folder);
  log(`Load average before: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores: numbers above 2 mean other processes share them)`);
  log(`Corpus: ${ARTICLES.toLocaleString('en-US')} articles, ${(gen.bytes / 1e6).toFixed(1)} MB in ${path.relative(root, folder)}`);
  const storage = path.join(root, '.cache', `bench-dashboard-storage-${ARTICLES}`);
  mkdirSync(storage, { recursive: true });
  const server = await startBundledServer(folder, storage);
  const indexMs = await server.ready;
  log(`indexed in ${(indexMs / 1000).toFixed(2)} s (a warm start when the cache from an earlier run is there)`);
  const rnd = random(SEED + 11);
  try {
    // The first request builds the dashboard's table of the whole corpus.
    const firstRequestMs = await time(() => server.connection.sendRequest(DashboardOverviewRequest, {}));
    const requests = await benchRequests(server.connection, server.child.pid!, rnd);
    const cancel = await benchCancel(server.connection);

    // Webview: three fresh page loads, then filter changes with the mouse on the last one.
    const browser = await launchBrowser();
    const firstPaints: number[] = [];
    const filterChanges: number[] = [];
    const filterBusy: number[] = [];
    const sizeChanges: number[] = [];
    const nodeClicks: number[] = [];
    const problems: string[] = [];
    try {
      let page!: Awaited<ReturnType<typeof openDashboardPage>>;
      for (let load = 0; load < 3; load++) {
        if (page) await page.page.close();
        page = await openDashboardPage(browser, server.connection, { width: 1400, height: 900 });
        firstPaints.push((await page.waitForReport((r) => r.firstPaintMs !== undefined, 60_000)).firstPaintMs!);
      }
      const p = page.page;
      // The page's main-thread busy time (CDP TaskDuration) per filter change: less sensitive
      // than wall time to other processes on the machine.
      const cdp = await p.context().newCDPSession(p);
      await cdp.send('Performance.enable');
      const busyMs = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
      const settled = () => p.waitForFunction(() => !(globalThis as any).document.body.dataset.busy, undefined, { timeout: 30_000 });
      const periods = await p.evaluate(() => (globalThis as any).corpusLensDashboard.data().timeline.periods.length as number);
      for (let i = 0; i < 10; i++) {
        await settled();
        const a = Math.floor(rnd() * (periods - 8));
        const b = a + 1 + Math.floor(rnd() * 6);
        const from = (await pointOf(p, 'timeline', a))!;
        const to = (await pointOf(p, 'timeline', b))!;
        const before = page.reports.length;
        const busyBefore = await busyMs();
        await p.mouse.move(from.x, from.y - 30);
        await p.mouse.down();
        await p.mouse.move(to.x, to.y - 30, { steps: 4 });
        await p.mouse.up();
        const report = await page.waitForReport((r) => page.reports.indexOf(r) >= before && r.lastUpdateMs !== undefined && !!r.period);
        filterChanges.push(report.lastUpdateMs!);
        filterBusy.push((await busyMs()) - busyBefore);
      }
      for (const size of [300, 60, 300]) {
        await settled();
        const before = page.reports.length;
        await p.evaluate((value) => {
          const input = (globalThis as any).document.getElementById('network-size');
          input.value = String(value);
          input.dispatchEvent(new (globalThis as any).Event('change'));
        }, size);
        sizeChanges.push((await page.waitForReport((r) => page.reports.indexOf(r) >= before && r.networkNodes > 0)).lastUpdateMs!);
      }
      for (let i = 0; i < 3; i++) {
        await settled();
        const at = (await pointOf(p, 'network', i))!;
        const before = page.reports.length;
        await p.mouse.click(at.x, at.y);
        nodeClicks.push((await page.waitForReport((r) => page.reports.indexOf(r) >= before && r.selected.length > 0 && r.lastUpdateMs !== undefined)).lastUpdateMs!);
      }
      problems.push(...page.problems);
    } finally {
      await browser.close();
    }
    const round = (n: number) => Math.round(n);
    const result = {
      articles: ARTICLES,
      indexSeconds: Math.round(indexMs / 10) / 100,
      firstRequestMs: round(firstRequestMs),
      requestsMs: requests,
      cancelledRequest: cancel,
      webview: {
        firstPaintMs: firstPaints.map(round),
        brushFilterChangeMs: stats(filterChanges),
        brushMainThreadBusyMs: stats(filterBusy),
        networkSizeChangeMs: sizeChanges.map(round),
        nodeClickMs: nodeClicks.map(round),
        pageProblems: problems,
      },
    };
    if (JSON_OUT) console.log(JSON.stringify(result));
    else {
      console.log(`first dashboard request (builds its table): ${result.firstRequestMs} ms`);
      for (const [name, s] of Object.entries(requests)) console.log(`${name.padEnd(28)} p50 ${String(s.p50).padStart(6)} ms   p95 ${String(s.p95).padStart(6)} ms   max ${String(s.max).padStart(6)} ms   server CPU ${String(s.cpuMsPerRequest).padStart(5)} ms/request   (n=${s.n})`);
      console.log(`cancelled request answered in ${cancel.ms} ms (${cancel.cancelled ? 'RequestCancelled' : 'NOT cancelled'})`);
      console.log(`webview first paint: ${result.webview.firstPaintMs.join(', ')} ms (three page loads)`);
      const f = result.webview.brushFilterChangeMs;
      console.log(`brush a period → all views redrawn: p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms (n=${f.n})`);
      const b = result.webview.brushMainThreadBusyMs;
      console.log(`  of which the page's main thread was busy: p50 ${b.p50} ms, p95 ${b.p95} ms`);
      console.log(`network size 300/60/300 → redrawn: ${result.webview.networkSizeChangeMs.join(', ')} ms; node click → selected everywhere: ${result.webview.nodeClickMs.join(', ')} ms`);
      console.log(`page problems (CSP violations, errors): ${problems.length ? problems.join(' | ') : 'none'}`);
    }
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
