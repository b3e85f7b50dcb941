// node:test entry point of the UI tier: drives the real VS Code workbench (code-server) with
// headless chromium the way a reader would, and keeps screenshots in test-results/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './harness/browser';
import { ensureCodeServer, startCodeServer, type CodeServer } from './harness/codeServer';
import { extensionRoot, fixtureWorkspace, resultsDir } from './harness/paths';
import { copyWorkspace, type WorkspaceCopy } from './harness/workspace';
import { hoverUntil, normalise, openFile, openWorkbench, pointAt, runCommand, viewLine } from './harness/workbench';

const ARTICLE = 'bridge-repairs.txt';
const HEADLINE = 'Harbour bridge repairs to cost';

describe('Corpus Lens in the VS Code UI (code-server + chromium)', { timeout: 240_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let workspace: WorkspaceCopy | undefined;
  let failures = 0;

  async function screenshot(name: string): Promise<void> {
    fs.mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, name) });
  }

  /** Runs one UI step; on failure keeps a screenshot of the moment. */
  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      failures++;
      await screenshot(`ui-failed-${name}.png`).catch(() => undefined);
      throw error;
    } finally {
      // Leave no widget open for the next step.
      await page.keyboard.press('Escape').catch(() => undefined);
      await page.mouse.move(5, 5).catch(() => undefined);
    }
  }

  before(async () => {
    ensureCodeServer();
    workspace = copyWorkspace(fixtureWorkspace);
    server = await startCodeServer({
      name: 'e2e-ui',
      // Collapsed outline items: the top level (headline and groups) fits without scrolling.
      settings: { 'outline.collapseItems': 'alwaysCollapse', 'editor.hover.delay': 100 },
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await step('open', async () => {
      await openWorkbench(page, server!.workbenchUrl({ folder: workspace!.folder, extensionDevelopmentPath: extensionRoot }), ARTICLE);
      await openFile(page, ARTICLE);
      // The language status shows the article language once the extension has claimed the file.
      await page.locator('[id="status.editor.mode"]', { hasText: 'News article' }).waitFor({ timeout: 60_000 });
    });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop({ keepLogs: failures > 0 });
    workspace?.remove();
  });

  it('the grammar colours the headline', async () => {
    await step('headline', async () => {
      // The root tsconfig has no DOM library, so the page-side code reaches the window untyped.
      const styles = (lineText: string): Promise<string[]> =>
        viewLine(page, lineText).locator('span span').evaluateAll((spans) =>
          spans.map((span) => {
            const style = span.ownerDocument.defaultView.getComputedStyle(span);
            return `${style.color} ${style.fontWeight}`;
          }),
        );
      // The grammar loads and tokenizes asynchronously, so lines are first drawn plain: wait
      // (bounded) until the headline is drawn differently from plain body text. "Speaking at
      // the " starts its line and is plain body text in every grammar reading.
      await page
        .waitForFunction(
          ({ headlineText, plainText }) => {
            const doc = (globalThis as any).document;
            const lines: any[] = Array.from(doc.querySelectorAll('.editor-group-container.active .monaco-editor .view-line'));
            // Rendered lines use non-breaking spaces.
            const spansOf = (text: string): any[] =>
              Array.from(lines.find((line) => line.textContent.replace(/\s/g, ' ').includes(text))?.querySelectorAll('span span') ?? []);
            const look = (span: any): string => {
              const style = doc.defaultView.getComputedStyle(span);
              return `${style.color} ${style.fontWeight}`;
            };
            const plainSpan = spansOf(plainText)[0];
            const headlineSpans = spansOf(headlineText);
            return plainSpan && headlineSpans.length > 0 && headlineSpans.every((span) => look(span) !== look(plainSpan));
          },
          { headlineText: HEADLINE, plainText: 'Speaking at the Riverside' },
          { timeout: 20_000 },
        )
        .catch(() => undefined); // The assertions below say what is wrong.
      const headline = await styles(HEADLINE);
      const [plain] = await styles('Speaking at the Riverside');
      assert.ok(headline.length > 0 && plain, 'both lines are rendered');
      assert.ok(!headline.includes(plain), `the headline is styled apart from body text (${plain}): ${headline.join(', ')}`);

      // The scope inspector shows what the grammar assigned to the word under the cursor.
      await pointAt(page, HEADLINE, 'bridge', true);
      await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
      const inspector = page.locator('.token-inspect-widget');
      await inspector.waitFor();
      // The inspector says "Loading..." until it has tokenized the line itself.
      await page.waitForFunction(() => {
        const widget = (globalThis as any).document.querySelector('.token-inspect-widget');
        return widget && !/Loading/.test(widget.textContent);
      });
      const scopes = normalise(await inspector.innerText());
      await screenshot('ui-headline-scopes.png');
      assert.match(scopes, /markup\.heading/, `the headline has a markup.heading scope: ${scopes}`);
      assert.match(scopes, /text\.article/, `the article grammar is active: ${scopes}`);
    });
  });

  it('hovering a name shows the entity card', async () => {
    await step('hover', async () => {
      // The full counts appear once the whole workspace is indexed, the ready signal in the UI.
      const text = await hoverUntil(page, 'Lindqvist said extra ferries', 'Lindqvist', '7 mentions in 3 articles');
      await screenshot('ui-hover.png');
      assert.ok(text.includes('Tobias Lindqvist'), `the card names the person: ${text}`);
      assert.match(text, /\bperson\b/i, `the card says what kind of entity it is: ${text}`);
    });
  });

  it('the status bar stops showing indexing progress once the corpus is indexed', async () => {
    await step('status', async () => {
      // The hover above already showed whole-corpus counts, so indexing is over: any indexing
      // progress left in the status bar is a report that was never ended.
      const indexing = page.locator('.statusbar-item', { hasText: /indexing/i });
      await indexing.first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
      const left = (await indexing.allInnerTexts()).map(normalise);
      await screenshot('ui-status.png');
      assert.deepEqual(left, [], `indexing progress still shown after indexing finished: ${JSON.stringify(left)}`);
    });
  });

  it('Shift+F12 shows references from several files', async () => {
    await step('references', async () => {
      await pointAt(page, 'Mr Lindqvist said traffic', 'Lindqvist', true);
      await page.keyboard.press('Shift+F12');
      const peek = page.locator('.peekview-widget.reference-zone-widget.results-loaded');
      await peek.waitFor({ timeout: 30_000 });
      const rows = peek.locator('.ref-tree .monaco-list-row');
      await rows.first().waitFor();
      const labels = (await rows.allInnerTexts()).map(normalise);
      await screenshot('ui-references.png');
      const files = ['bridge-repairs.txt', 'ferry-fares.txt', 'budget-vote.txt'];
      for (const file of files) assert.ok(labels.some((label) => label.includes(file)), `the peek lists ${file}: ${JSON.stringify(labels)}`);
      assert.ok(!labels.some((label) => label.includes('notes.md') || label.includes('river-festival.txt')), `only articles naming him: ${JSON.stringify(labels)}`);
      const title = normalise(await peek.locator('.peekview-title').innerText());
      assert.match(title, /References \(7\)|7 references/i, `the peek counts every mention: ${title}`);
    });
  });

  it('the Outline view lists the groups', async () => {
    await step('outline', async () => {
      await runCommand(page, 'Explorer: Focus on Outline View');
      // Collapse the file tree so the outline gets the sidebar's height (its list is virtualised:
      // rows out of view are not in the page).
      const folderHeader = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'e2e-workspace' });
      if (await folderHeader.count()) await folderHeader.click();
      const outline = page.locator('.pane:has(.pane-header[aria-label^="Outline"]) .monaco-list');
      const topLevel = outline.locator('.monaco-list-row[aria-level="1"]');
      // The outline fills from one documentSymbol answer: once Figures is listed, every group is.
      await topLevel.filter({ hasText: 'Figures' }).waitFor({ timeout: 30_000 });
      const labels = (await topLevel.locator('.label-name').allInnerTexts()).map(normalise);
      assert.ok(labels[0]?.startsWith(HEADLINE), `the headline comes first: ${JSON.stringify(labels)}`);
      const groups = labels.slice(1);
      const expected = ['People', 'Organizations', 'Places', 'Dates', 'Figures'];
      assert.deepEqual([...groups].sort(), [...expected].sort(), 'the outline lists the five groups');
      // Expanding People shows its entities.
      await topLevel.filter({ hasText: 'People' }).locator('.monaco-tl-twistie').click();
      await outline.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Tobias Lindqvist' }).waitFor();
      await screenshot('ui-outline.png');
      assert.deepEqual(groups, expected, 'the groups are listed in this order (the Outline sorts by range start)');
    });
  });
});
