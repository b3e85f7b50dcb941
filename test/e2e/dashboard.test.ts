// The dashboard in the real VS Code workbench (code-server + chromium): opened from the palette
// and from an entity's hover, a period brushed on the timeline, a node and a figure clicked,
// each time checking that the other views react. Screenshots go to test-results/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchBrowser } from './harness/browser';
import { ensureCodeServer, startCodeServer, type CodeServer } from './harness/codeServer';
import { extensionRoot, fixtureWorkspace, resultsDir } from './harness/paths';
import { hoverUntil, normalise, openFile, openWorkbench, runCommand } from './harness/workbench';
import { copyWorkspace, type WorkspaceCopy } from './harness/workspace';

const ARTICLE = 'bridge-repairs.txt';

describe('the Corpus Lens dashboard in the VS Code UI', { timeout: 240_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let workspace: WorkspaceCopy | undefined;
  let failures = 0;

  async function screenshot(name: string): Promise<void> {
    fs.mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, name) });
  }

  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      failures++;
      await screenshot(`ui-failed-dashboard-${name}.png`).catch(() => undefined);
      throw error;
    }
  }

  /** The dashboard's own frame (a webview is an iframe in an iframe), once its first paint is done. */
  async function dashboardFrame(): Promise<Frame> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      for (const frame of page.frames()) {
        const ready = await frame.evaluate(() => (globalThis as any).document?.body?.dataset.ready === 'true' && typeof (globalThis as any).corpusLensDashboard === 'object').catch(() => false);
        if (ready) {
          await settled(frame);
          return frame;
        }
      }
      if (Date.now() > deadline) throw new Error('the dashboard webview did not finish drawing within 60 s');
      await page.waitForTimeout(250);
    }
  }

  /** Resolves once no view of the dashboard is loading or moving (clicks land where things are drawn). */
  async function settled(frame: Frame): Promise<void> {
    await frame.waitForFunction(() => !(globalThis as any).document.body.dataset.busy, undefined, { timeout: 30_000 });
  }

  /** Page coordinates of a period, node or point the dashboard draws. */
  async function pointOf(frame: Frame, view: string, index: number): Promise<{ x: number; y: number }> {
    await settled(frame);
    const inner = await frame.evaluate(([v, i]) => (globalThis as any).corpusLensDashboard.pointOf(v, i), [view, index] as const);
    assert.ok(inner, `the dashboard draws ${view} #${index}`);
    const box = await (await frame.frameElement()).boundingBox();
    return { x: box!.x + inner.x, y: box!.y + inner.y };
  }

  const text = (frame: Frame, selector: string) => frame.locator(selector).first().innerText().then(normalise);

  before(async () => {
    ensureCodeServer();
    workspace = copyWorkspace(fixtureWorkspace);
    server = await startCodeServer({ name: 'e2e-dashboard', settings: { 'editor.hover.delay': 100 } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await openWorkbench(page, server.workbenchUrl({ folder: workspace.folder, extensionDevelopmentPath: extensionRoot }), ARTICLE);
    await openFile(page, ARTICLE);
    // Whole-corpus counts in the hover: the index is complete.
    await hoverUntil(page, 'Finance Minister Tobias Lindqvist said', 'Lindqvist', '7 mentions in 3 articles');
    await page.keyboard.press('Escape');
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop({ keepLogs: failures > 0 });
    workspace?.remove();
  });

  it('opens from the palette with all four views drawn from the server', async () => {
    await step('palette', async () => {
      await runCommand(page, 'Corpus Lens: Open Dashboard');
      await page.locator('.tabs-container .tab.active', { hasText: 'Corpus Lens Dashboard' }).waitFor({ timeout: 30_000 });
      const frame = await dashboardFrame();
      await screenshot('ui-dashboard.png');
      assert.match(await text(frame, '.network .caption'), /^The \d+ most-reported of \d+ entities in 5 articles;/);
      assert.match(await text(frame, '.timeline .caption'), /^Articles per day\./);
      assert.match(await text(frame, '.figures .caption'), /One point per article/);
      assert.match(await text(frame, '.overview .tiles'), /1 undated article/);
      assert.equal(await text(frame, '.period-text'), 'all dates');
      // Every chart has a text alternative: the table toggles in for the chart.
      await frame.locator('.network .actions button', { hasText: 'Table' }).click();
      await frame.locator('.network .table table caption', { hasText: 'Most-reported entities' }).waitFor();
      assert.match(await text(frame, '.network .table tbody'), /^Tobias Lindqvist person 3 7 Lisbon \(3\)/);
      await frame.locator('.network .actions button', { hasText: 'Chart' }).click();
      await frame.locator('#network-chart').waitFor({ state: 'visible' });
    });
  });

  it('brushing a period on the timeline filters the network, the figures and the overview', async () => {
    await step('brush', async () => {
      const frame = await dashboardFrame();
      const before = await text(frame, '.network .caption');
      // 5 March is the first day on the axis; drag from it to 12 March (the eighth day).
      const from = await pointOf(frame, 'timeline', 0);
      const to = await pointOf(frame, 'timeline', 7);
      await page.mouse.move(from.x, from.y - 20);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y - 20, { steps: 8 });
      await page.mouse.up();
      await frame.locator('.period-text', { hasText: '5 Mar 2024 – 12 Mar 2024' }).waitFor({ timeout: 15_000 });
      await frame.locator('.network .caption', { hasText: 'in 2 articles' }).waitFor({ timeout: 15_000 });
      await screenshot('ui-dashboard-brushed.png');
      assert.notEqual(await text(frame, '.network .caption'), before);
      assert.match(await text(frame, '.overview .caption'), /entities counted in the period/);
      assert.match(await text(frame, '.figures .caption'), /articles/);
    });
  });

  it('clicking a node selects it everywhere and lists its articles', async () => {
    await step('node', async () => {
      const frame = await dashboardFrame();
      const nodes: { name: string }[] = await frame.evaluate(() => (globalThis as any).corpusLensDashboard.data().network.nodes);
      const index = nodes.findIndex((n) => n.name === 'Tobias Lindqvist');
      assert.ok(index >= 0, JSON.stringify(nodes));
      const at = await pointOf(frame, 'network', index);
      await page.mouse.click(at.x, at.y);
      await frame.locator('.selection button', { hasText: 'Tobias Lindqvist' }).waitFor({ timeout: 15_000 });
      await frame.locator('.list h2', { hasText: 'Articles naming Tobias Lindqvist' }).waitFor({ timeout: 15_000 });
      await frame.locator('.timeline .caption', { hasText: 'Mentions per day' }).waitFor();
      await screenshot('ui-dashboard-node.png');
      const items = (await frame.locator('.list .items li').allInnerTexts()).map(normalise);
      assert.deepEqual(items.length, 2, `his two articles in the period: ${JSON.stringify(items)}`);
      assert.match(items[0], /^2024-03-05 Harbour bridge repairs .* bridge-repairs\.txt · 3 mentions$/);
      // The list opens an article at his first mention there.
      await frame.locator('.list .items button', { hasText: 'ferry-fares.txt' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: 'ferry-fares.txt' }).waitFor({ timeout: 15_000 });
    });
  });

  it('clicking a figure opens the article at the figure', async () => {
    await step('figure', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'Corpus Lens Dashboard' }).first().click();
      const frame = await dashboardFrame();
      await frame.locator('.period .period-text + button', { hasText: 'Clear period' }).click();
      await frame.locator('.period-text', { hasText: 'all dates' }).waitFor();
      const figures: { measure: string; points: { file: string; text: string }[] } = await frame.evaluate(() => (globalThis as any).corpusLensDashboard.data().figures);
      assert.ok(figures.points.length > 0, JSON.stringify(figures));
      const target = figures.points[0];
      const at = await pointOf(frame, 'figures', 0);
      await page.mouse.click(at.x, at.y);
      const tab = page.locator('.tabs-container .tab.active', { hasText: target.file });
      await tab.waitFor({ timeout: 15_000 });
      // The figure is selected in the editor.
      await page.waitForFunction((wanted) => (globalThis as any).document.querySelector('.editor-group-container.active .monaco-editor .selected-text') !== null && wanted.length > 0, target.text, { timeout: 15_000 });
      await screenshot('ui-dashboard-figure.png');
    });
  });

  it('opens on an entity from its hover link', async () => {
    await step('hover-link', async () => {
      await openFile(page, ARTICLE);
      await hoverUntil(page, 'Speaking at the Riverside Transport Agency', 'Riverside', 'Show on timeline');
      await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Show on timeline' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: 'Corpus Lens Dashboard' }).waitFor({ timeout: 15_000 });
      const frame = await dashboardFrame();
      await frame.locator('.selection button', { hasText: 'Riverside Transport Agency' }).waitFor({ timeout: 15_000 });
      await frame.locator('.list h2', { hasText: 'Articles naming Riverside Transport Agency' }).waitFor({ timeout: 15_000 });
      await screenshot('ui-dashboard-entity.png');
      const series: string[] = await frame.evaluate(() => (globalThis as any).corpusLensDashboard.data().timeline.series.map((s: { name: string }) => s.name));
      assert.deepEqual(series, ['Riverside Transport Agency']);
    });
  });
});
