#!/usr/bin/env node
// npm run screenshots: takes the README pictures in the real VS Code (code-server + headless
// chromium, the e2e harness) on a temporary copy of sample/, and writes
//   docs/screenshot.png     an article with semantic colours and date hints, the entity hover
//                           over "Farrance", the Corpus Entities view in the side bar
//   docs/ledger.png         the figure-ledger hover over "5,200" workers
//   docs/entities-view.png  the Corpus Entities view with Odile Farrance's timeline expanded and
//                           one of its articles opened from it
//   docs/dashboard.png      the dashboard opened from Farrance's hover link: her timeline with the
//                           union beside it, a week brushed, the network, the "workers" figures
//                           and the overview filtered to that week, her articles listed
// Needs `npm run build` first (npm run screenshots does it) and code-server, which
// scripts/install-code-server.mjs installs once. Every wait is on the page's state.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const harness = path.join(root, 'out', 'test', 'e2e', 'harness');
if (!fs.existsSync(path.join(harness, 'workspace.js'))) {
  console.error('[screenshots] out/test/e2e/harness is missing: run `npm run build` first (npm run screenshots does).');
  process.exit(1);
}
const require = createRequire(import.meta.url);
const { ensureCodeServer, startCodeServer } = require(path.join(harness, 'codeServer.js'));
const { launchBrowser } = require(path.join(harness, 'browser.js'));
const { copyWorkspace } = require(path.join(harness, 'workspace.js'));
const { hoverUntil, normalise, openFile, openWorkbench, runCommand, viewLine } = require(path.join(harness, 'workbench.js'));

const ARTICLE = '03-mediator-named.txt';
const VIEWPORT = { width: 1280, height: 780 };
const SIDEBAR_WIDTH = 380;
const WIDE_SIDEBAR_WIDTH = 620;
const docsDir = path.join(root, 'docs');

function log(message) {
  console.log(`[screenshots] ${message}`);
}

/** Waits until a word in the body of the article is drawn in a colour other than plain text. */
async function waitForSemanticColour(page, word, plainText) {
  await page.waitForFunction(
    ({ word, plainText }) => {
      const doc = globalThis.document;
      const spans = Array.from(doc.querySelectorAll('.editor-group-container.active .monaco-editor .view-line span span'));
      const colourOf = (text) => {
        const span = spans.find((candidate) => candidate.textContent.replace(/\s/g, ' ').includes(text));
        return span && doc.defaultView.getComputedStyle(span).color;
      };
      const plain = colourOf(plainText);
      const coloured = colourOf(word);
      return plain && coloured && plain !== coloured;
    },
    { word, plainText },
    { timeout: 30_000 },
  );
}

async function shoot(page, name) {
  fs.mkdirSync(docsDir, { recursive: true });
  const file = path.join(docsDir, name);
  await page.screenshot({ path: file });
  log(`wrote docs/${name} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
}

/** Drags the sash between the side bar and the editor so the side bar is `width` wide. */
async function setSidebarWidth(page, width) {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (!sidebar) throw new Error('the side bar is not visible');
  const edge = sidebar.x + sidebar.width;
  const y = sidebar.y + sidebar.height / 2;
  await page.mouse.move(edge, y);
  await page.mouse.down();
  await page.mouse.move(sidebar.x + width, y, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(
    (wanted) => Math.abs(globalThis.document.querySelector('.part.sidebar').getBoundingClientRect().width - wanted) < 8,
    width,
    { timeout: 5_000 },
  );
}

/** The dashboard's own frame (a webview is an iframe in an iframe), once nothing in it is loading. */
async function dashboardFrame(page) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const frame of page.frames()) {
      const ready = await frame.evaluate(() => globalThis.document?.body?.dataset.ready === 'true' && !globalThis.document.body.dataset.busy).catch(() => false);
      if (ready) return frame;
    }
    if (Date.now() > deadline) throw new Error('the dashboard did not finish drawing within 60 s');
    await page.waitForTimeout(250);
  }
}

/** Page coordinates of a period, node or point the dashboard draws. */
async function dashboardPoint(frame, view, index) {
  const inner = await frame.evaluate(([v, i]) => globalThis.corpusLensDashboard.pointOf(v, i), [view, index]);
  const box = await (await frame.frameElement()).boundingBox();
  return { x: box.x + inner.x, y: box.y + inner.y };
}

async function dashboardPicture(page) {
  // The keyboard goes back to the editor (the entities view had it), then the article is opened.
  await page.keyboard.press('Escape');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  const tab = page.locator('.tabs-container .tab', { hasText: ARTICLE });
  if (await tab.count()) await tab.first().click();
  else await openFile(page, ARTICLE);
  await page.locator('.tabs-container .tab.active', { hasText: ARTICLE }).waitFor({ timeout: 15_000 });
  await runCommand(page, 'View: Close Primary Side Bar');
  await hoverUntil(page, 'Ms Farrance told parliament', 'Farrance', 'Show on timeline');
  await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Show on timeline' }).click();
  let frame = await dashboardFrame(page);
  await frame.locator('.selection button', { hasText: 'Odile Farrance' }).waitFor({ timeout: 15_000 });
  // A second entity beside her, added by name (a node in a small network may lie under another).
  const search = frame.locator('input[type="search"]');
  await search.fill('Kestrel Dock');
  await frame.locator('#entity-options option[value="Kestrel Dockworkers Union"]').waitFor({ state: 'attached', timeout: 15_000 });
  await search.fill('Kestrel Dockworkers Union');
  await search.dispatchEvent('change');
  await frame.locator('.selection button', { hasText: 'Kestrel Dockworkers Union' }).waitFor({ timeout: 15_000 });
  frame = await dashboardFrame(page);
  await frame.locator('select[aria-label^="Measure"]').selectOption('workers');
  frame = await dashboardFrame(page);
  // The second week of the strike, brushed on the timeline.
  const periods = await frame.evaluate(() => globalThis.corpusLensDashboard.data().timeline.periods);
  const from = await dashboardPoint(frame, 'timeline', periods.indexOf('2024-03-11'));
  const to = await dashboardPoint(frame, 'timeline', periods.indexOf('2024-03-15'));
  await page.mouse.move(from.x, from.y - 30);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y - 30, { steps: 6 });
  await page.mouse.up();
  await frame.locator('.period-text', { hasText: '11 Mar 2024 – 15 Mar 2024' }).waitFor({ timeout: 15_000 });
  frame = await dashboardFrame(page);
  // The mouse rests on the dashboard's title, so no chart stays highlighted under it.
  const title = await frame.locator('.top h1').boundingBox();
  const box = await (await frame.frameElement()).boundingBox();
  await page.mouse.move(box.x + title.x + 5, box.y + title.y + 5);
  await frame.locator('.list h2').click();
  // ECharts hides a tooltip a moment after the mouse leaves its chart.
  await page.waitForTimeout(800);
  await shoot(page, 'dashboard.png');
}

async function main() {
  ensureCodeServer();
  const workspace = copyWorkspace(path.join(root, 'sample'), 'corpus-lens-screenshots-');
  let server;
  let browser;
  let page;
  try {
    server = await startCodeServer({
      name: 'screenshots',
      settings: {
        // The hover opens below the word, so the lines above it stay readable.
        'editor.hover.above': false,
        'editor.hover.delay': 100,
        'workbench.reduceMotion': 'on',
        'breadcrumbs.enabled': false,
        'workbench.layoutControl.enabled': false,
        'window.commandCenter': false,
      },
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORT });
    log(`opening ${ARTICLE} from a copy of sample/ in code-server`);
    await openWorkbench(page, server.workbenchUrl({ folder: workspace.folder, extensionDevelopmentPath: root }), ARTICLE);
    await openFile(page, ARTICLE);
    await page.locator('[id="status.editor.mode"]', { hasText: 'News article' }).waitFor({ timeout: 60_000 });

    // The side bar: file tree collapsed, Corpus Entities focused and wide enough for its rows.
    const folderHeader = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'sample' });
    if (await folderHeader.count()) await folderHeader.first().click();
    await runCommand(page, 'Explorer: Focus on Corpus Entities View');
    await setSidebarWidth(page, SIDEBAR_WIDTH);
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Corpus Entities' }) });
    const entity = pane.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Odile Farrance' });
    await entity.waitFor({ timeout: 60_000 });
    await pane.locator('.monaco-list-row[aria-level="2"] .label-description', { hasText: /10 articles ·/ }).first().waitFor({ timeout: 60_000 });

    // Colours and hints are drawn once the server has answered for the open article.
    await page.locator('.editor-group-container.active .view-line', { hasText: '→ Fri 8 Mar 2024' }).first().waitFor({ timeout: 30_000 });
    await waitForSemanticColour(page, 'Odile Farrance', 'appointed a former');

    // 1. The README picture: the entity hover over Farrance.
    const card = await hoverUntil(page, 'Ms Farrance told parliament', 'Farrance', 'Reported from');
    if (!/Odile Farrance · person/.test(card)) throw new Error(`unexpected hover over Farrance: ${card}`);
    await shoot(page, 'screenshot.png');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);

    // 2. The figure ledger over "5,200" workers.
    const ledger = await hoverUntil(page, 'over 5,200 workers.', '5,200', 'Open the whole ledger');
    if (!/workers across the corpus, oldest first/.test(ledger)) throw new Error(`unexpected hover over 5,200: ${ledger}`);
    await shoot(page, 'ledger.png');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);

    // 3. The Corpus Entities view, wider, with Farrance's timeline; a timeline row opens its article.
    await setSidebarWidth(page, WIDE_SIDEBAR_WIDTH);
    await entity.locator('.monaco-tl-twistie').click();
    const timeline = pane.locator('.monaco-list-row[aria-level="3"]');
    await timeline.nth(9).waitFor({ timeout: 15_000 });
    const rows = (await timeline.allInnerTexts()).map(normalise);
    log(`Farrance's timeline: ${rows.length} rows, first "${rows[0]}"`);
    await timeline.filter({ hasText: '08-march-in-lantry.txt' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: '08-march-in-lantry.txt' }).waitFor({ timeout: 15_000 });
    await page.locator('.editor-group-container.active .view-line', { hasText: '→ Mon 18 Mar 2024' }).first().waitFor({ timeout: 30_000 });
    await waitForSemanticColour(page, 'Farrance', 'speaking in parliament');
    await shoot(page, 'entities-view.png');

    // 4. The dashboard, from an entity's hover link, with the side bar closed to give it room.
    await dashboardPicture(page);
  } catch (error) {
    // What the page showed when it went wrong (test-results/ is git-ignored).
    const failed = path.join(root, 'test-results', 'screenshots-failed.png');
    fs.mkdirSync(path.dirname(failed), { recursive: true });
    await page?.screenshot({ path: failed }).catch(() => undefined);
    console.error(`[screenshots] the page at the failure: ${path.relative(root, failed)}`);
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch((error) => console.error(String(error)));
    workspace.remove();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[screenshots] failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
