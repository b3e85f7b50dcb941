// Drives the workbench like a new user with a folder of 230 articles and no .corpuslens.json:
// the one offer to use it as a corpus, then the Corpus Entities view past its first page, its
// context menu and its type filter. The folder is generated (invented people) and removed after.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './harness/browser';
import { ensureCodeServer, startCodeServer, type CodeServer } from './harness/codeServer';
import { extensionRoot, resultsDir } from './harness/paths';
import { normalise, openWorkbench, runCommand, runCommandThatAsks } from './harness/workbench';

const PEOPLE = 230;

/** 230 invented council notes, each naming one invented person twice. */
function writeCorpus(folder: string): void {
  const given = ['Anna', 'Maria', 'Clara', 'Ingrid', 'Helena', 'Sofia', 'Laura', 'Elena', 'Julia', 'Greta', 'Marta', 'Irene', 'Paula', 'Nina', 'Rosa'];
  const first = ['Bel', 'Cor', 'Dun', 'Fal', 'Gar', 'Hol', 'Kes', 'Lom', 'Mar', 'Nor', 'Pel', 'Ros', 'Sal', 'Tor', 'Wes', 'Yar'];
  const last = ['ford', 'wick', 'more', 'ton', 'by', 'stead', 'ham', 'ley', 'worth', 'dale', 'combe', 'thorne', 'field', 'bridge', 'well', 'mere'];
  for (let i = 0; i < PEOPLE; i++) {
    const surname = first[Math.floor(i / 16) % 16] + last[i % 16];
    const text = `Council notes ${i}\ndate 2024-03-${String(1 + (i % 28)).padStart(2, '0')}\n\nCouncillor ${given[i % given.length]} ${surname} said on Tuesday that the ferry timetable would change. Ms ${surname} spoke for ten minutes.\n`;
    fs.writeFileSync(path.join(folder, `p${String(i).padStart(3, '0')}.txt`), text);
  }
}

describe('a folder of articles without .corpuslens.json, in the VS Code UI', { timeout: 240_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let parent: string;
  let folder: string;

  const screenshot = (name: string) => page.screenshot({ path: path.join(resultsDir, name) }).catch(() => undefined);
  const pane = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Corpus Entities' }) });

  before(async () => {
    ensureCodeServer();
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-e2e-offer-'));
    folder = path.join(parent, 'council-notes');
    fs.mkdirSync(folder);
    writeCorpus(folder);
    fs.mkdirSync(resultsDir, { recursive: true });
    server = await startCodeServer({ name: 'e2e-entities' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, server.workbenchUrl({ folder, extensionDevelopmentPath: extensionRoot }), 'p000.txt');
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('offers once to use the folder; accepting writes .corpuslens.json and indexes it', async () => {
    const toast = page.locator('.notification-toast', { hasText: 'looks like a folder of articles' });
    await toast.waitFor({ timeout: 60_000 });
    await screenshot('ui-offer.png');
    assert.ok(!fs.existsSync(path.join(folder, '.corpuslens.json')), 'nothing is written before the user says so');
    await toast.locator('.monaco-button', { hasText: 'Use as Corpus' }).click();
    await page.locator('.statusbar-item', { hasText: `${PEOPLE} articles` }).waitFor({ timeout: 90_000 });
    assert.ok(fs.existsSync(path.join(folder, '.corpuslens.json')));
  });

  it('reaches every entity: Show 30 more… after the first 200, with the group total', async () => {
    await runCommand(page, 'Explorer: Focus on Corpus Entities View');
    const groups = pane().locator('.monaco-list-row[aria-level="1"]');
    await groups.filter({ hasText: 'People' }).filter({ hasText: String(PEOPLE) }).waitFor({ timeout: 30_000 });
    const entities = pane().locator('.monaco-list-row[aria-level="2"]');
    await entities.first().waitFor();
    // Right-click an entity: its context menu.
    await entities.first().click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor();
    const items = (await menu.locator('.action-label').allInnerTexts()).map(normalise).filter(Boolean);
    await screenshot('ui-entity-menu.png');
    for (const label of ['Show References', 'Merge with…', 'Not an Entity', 'Copy Name', "Export This Entity's Mentions…"]) assert.ok(items.includes(label), `the menu offers ${label}: ${JSON.stringify(items)}`);
    await page.keyboard.press('Escape');
    // The list is virtualised: End brings its last row into view.
    await page.keyboard.press('End');
    const more = pane().locator('.monaco-list-row', { hasText: 'Show 30 more…' });
    await more.waitFor({ timeout: 15_000 });
    assert.match(normalise(await more.innerText()), /showing 200 of 230/);
    await screenshot('ui-entities-more.png');
    await more.click();
    await more.waitFor({ state: 'detached', timeout: 15_000 });
    await page.keyboard.press('End');
    const last = normalise(await pane().locator('.monaco-list-row[aria-level="2"]').last().innerText());
    assert.match(last, /1 article · 2 mentions/, `the last entity of 230 is listed: ${last}`);
  });

  it('the type filter hides the groups left unticked', async () => {
    await runCommandThatAsks(page, 'Corpus Lens: Show Entity Types…', 'Entity types to show');
    const people = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'People' });
    await people.waitFor();
    await people.locator('.quick-input-list-checkbox, input[type="checkbox"], .monaco-custom-toggle').first().click();
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    const groups = pane().locator('.monaco-list-row[aria-level="1"]');
    await groups.filter({ hasText: 'People' }).waitFor({ state: 'detached', timeout: 15_000 });
    await groups.filter({ hasText: 'Places' }).waitFor({ timeout: 15_000 });
    // The view redraws its whole tree when a page or an index update lands, so the rows are read
    // until they settle (a read in the middle of a redraw sees none).
    const expected = ['Organizations', 'Places'];
    let labels: string[] = [];
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(100)) {
      labels = (await groups.locator('.label-name').allInnerTexts()).map(normalise);
      if (JSON.stringify(labels) === JSON.stringify(expected)) break;
    }
    assert.deepEqual(labels, expected);
    await screenshot('ui-entity-types.png');
  });
});
