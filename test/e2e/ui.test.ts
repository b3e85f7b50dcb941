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
import { hoverUntil, inspectTokens, normalise, openFile, openWorkbench, pointAt, runCommand, runCommandThatAsks, viewLine } from './harness/workbench';

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
      const scopes = await inspectTokens(page);
      await screenshot('ui-headline-scopes.png');
      assert.match(scopes, /markup\.heading/, `the headline has a markup.heading scope: ${scopes}`);
      assert.match(scopes, /text\.article/, `the article grammar is active: ${scopes}`);
    });
  });

  it('semantic colours and relative-date inlay hints show in the article', async () => {
    await step('colours-hints', async () => {
      // Inlay hints are drawn as injected text inside the rendered line.
      const hintLine = viewLine(page, 'Finance Minister Tobias Lindqvist said on Tuesday');
      await page.waitForFunction(
        (hint) => {
          const lines: any[] = Array.from((globalThis as any).document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line'));
          return lines.some((line) => line.textContent.replace(/\s/g, ' ').includes(hint));
        },
        '→ Tue 5 Mar 2024',
        { timeout: 30_000 },
      );
      const lineText = normalise(await hintLine.textContent());
      assert.ok(lineText.includes('said on Tuesday → Tue 5 Mar 2024'), `the hint follows "on Tuesday": ${lineText}`);
      // Semantic tokens arrive after the grammar's colours: wait (bounded) until the name, the
      // date and the figure are drawn in colours other than the plain words around them.
      // Semantic tokens arrive after the grammar's colours: wait (bounded) until the name, the
      // date, the figure and the place are drawn in colours of their own, apart from body text.
      const colours = (): Promise<Record<string, string>> =>
        page.evaluate((lineText) => {
          const doc = (globalThis as any).document;
          const lines: any[] = Array.from(doc.querySelectorAll('.editor-group-container.active .monaco-editor .view-line'));
          // Body lines only (the headline has its own style); long lines wrap into several.
          const body = lines.filter((candidate) => !candidate.textContent.replace(/\s/g, ' ').includes(lineText));
          const look = (text: string): string => {
            const spans: any[] = body.flatMap((line) => Array.from(line.querySelectorAll('span span')));
            const span = spans.find((candidate) => candidate.textContent.replace(/\s/g, ' ').includes(text));
            return span ? doc.defaultView.getComputedStyle(span).color : 'missing';
          };
          return { plain: look(' said on '), person: look('Lindqvist'), date: look('Tuesday'), figure: look('€40 million'), place: look('Lisbon') };
        }, HEADLINE);
      const distinct = (c: Record<string, string>): boolean =>
        ['person', 'date', 'figure', 'place'].every((k) => c[k] !== 'missing' && c[k] !== c.plain) && c.person !== c.date && c.date !== c.figure;
      await page
        .waitForFunction(
          (lineText) => {
            const doc = (globalThis as any).document;
            const lines: any[] = Array.from(doc.querySelectorAll('.editor-group-container.active .monaco-editor .view-line'));
            const body = lines.filter((candidate) => !candidate.textContent.replace(/\s/g, ' ').includes(lineText));
            const spans: any[] = body.flatMap((line) => Array.from(line.querySelectorAll('span span')));
            const look = (text: string): string | undefined => {
              const span = spans.find((candidate) => candidate.textContent.replace(/\s/g, ' ').includes(text));
              return span ? doc.defaultView.getComputedStyle(span).color : undefined;
            };
            const plain = look(' said on ');
            const coloured = ['Lindqvist', 'Tuesday', '€40 million', 'Lisbon'].map(look);
            return plain && coloured.every((colour) => colour && colour !== plain) && coloured[0] !== coloured[1] && coloured[1] !== coloured[2];
          },
          HEADLINE,
          { timeout: 20_000 },
        )
        .catch(() => undefined); // The assertion below says what is wrong.
      const seen = await colours();
      await screenshot('ui-colours-hints.png');
      assert.ok(distinct(seen), `people, dates, figures and places get their own colours apart from body text: ${JSON.stringify(seen)}`);

      // The token inspector shows the semantic token type and the TextMate scope it maps to.
      await pointAt(page, 'Finance Minister Tobias Lindqvist', 'Lindqvist', true);
      const scopes = await inspectTokens(page);
      assert.match(scopes, /semantic token type\s*person/i, `the inspector shows the person token: ${scopes}`);
      assert.match(scopes, /entity\.name\.function\.person\.article/, `person maps to its TextMate scope: ${scopes}`);
    });
  });

  it('hovering a figure shows its ledger across the corpus, and the link opens the whole ledger', async () => {
    await step('ledger-hover', async () => {
      // The headline's figure: a short line that never wraps, whatever the hints add to the body.
      const text = await hoverUntil(page, HEADLINE, '€40', 'Open the whole ledger (5 figures)');
      await screenshot('ui-ledger-hover.png');
      assert.ok(text.includes('money:EUR across the corpus, oldest first:'), `the ledger heading: ${text}`);
      const rows = ['€3 million, 2024-03-12, ferry-fares.txt', '€310 million, 2024-03-20, budget-vote.txt', '€150,000, 2024-03-22, river-festival.txt'];
      for (const row of rows) assert.ok(text.includes(row), `the ledger lists "${row}": ${text}`);
      assert.ok(text.indexOf(rows[0]) < text.indexOf(rows[1]) && text.indexOf(rows[1]) < text.indexOf(rows[2]), `oldest first: ${text}`);
      assert.match(text, /oldest first: €40 million, 2024-03-05, bridge-repairs\.txt ← this one €40 million, 2024-03-05, bridge-repairs\.txt €3 million/, `the hovered figure (the headline's, first in the article) is marked: ${text}`);
      // The link is a trusted command link: clicking it opens the ledger document.
      await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Open the whole ledger' }).click();
      await viewLine(page, '# Figure ledger: money:EUR').waitFor({ timeout: 15_000 });
      await viewLine(page, '| 2024-03-22 | €150,000').waitFor();
      await runCommand(page, 'View: Revert and Close Editor');
      await page.locator('.tabs-container .tab.active', { hasText: ARTICLE }).waitFor();
    });
  });

  it('hovering a name shows the richer entity card; its link opens the references', async () => {
    await step('entity-hover', async () => {
      const text = await hoverUntil(page, 'Finance Minister Tobias Lindqvist said', 'Tobias', 'Reported from 2024-03-05 to 2024-03-20');
      await screenshot('ui-entity-hover.png');
      assert.ok(text.includes('Tobias Lindqvist · person'), text);
      for (const part of ['Also written: Lindqvist', 'Role or title:', 'Often with: Lisbon (3)', 'Why an entity:']) assert.ok(text.includes(part), `the card has "${part}": ${text}`);
      const link = page.locator('.monaco-hover:not(.hidden) a', { hasText: '7 mentions in 3 articles' });
      await link.waitFor();
      await link.click();
      const peek = page.locator('.peekview-widget.reference-zone-widget.results-loaded');
      await peek.waitFor({ timeout: 30_000 });
      const title = normalise(await peek.locator('.peekview-title').innerText());
      assert.match(title, /bridge-repairs\.txt.*\((7)\)/, `the link opens the peek on the 7 mentions: ${title}`);
      const files = (await peek.locator('.ref-tree .monaco-list-row[aria-level="1"]').allInnerTexts()).map(normalise);
      for (const file of ['bridge-repairs.txt', 'ferry-fares.txt', 'budget-vote.txt']) assert.ok(files.some((row) => row.includes(file)), `the peek lists ${file}: ${JSON.stringify(files)}`);
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

  it('the Corpus Entities view lists entities by articles, expands to a timeline and filters', async () => {
    await step('entities-view', async () => {
      // Make room: collapse the Outline (the file tree was collapsed by the outline step).
      const outlineHeader = page.locator('.pane-header[aria-expanded="true"]', { hasText: /^Outline/ });
      if (await outlineHeader.count()) await outlineHeader.first().click();
      await runCommand(page, 'Explorer: Focus on Corpus Entities View');
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Corpus Entities' }) });
      const rows = pane.locator('.monaco-list-row');
      const people = rows.filter({ hasText: 'Tobias Lindqvist' });
      await people.first().waitFor({ timeout: 30_000 });
      const level2 = pane.locator('.monaco-list-row[aria-level="2"]');
      await level2.filter({ hasText: 'Jonas Weber' }).waitFor();
      const top = (await pane.locator('.monaco-list-row[aria-level="1"] .label-name').allInnerTexts()).map(normalise);
      assert.deepEqual(top, ['People', 'Organizations', 'Places'], `the groups: ${JSON.stringify(top)}`);
      const rowTexts = async (rowsOf: typeof rows): Promise<string[]> =>
        rowsOf.evaluateAll((elements) =>
          elements.map((row) => {
            const part = (selector: string): string => (row.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
            return `${part('.label-name')} | ${part('.label-description')}`;
          }),
        );
      const entityRows = await rowTexts(level2);
      assert.ok(entityRows.length >= 8, `entities of all three groups are listed: ${JSON.stringify(entityRows)}`);
      for (const row of entityRows) assert.match(row, / \| \d+ articles? · \d+ mentions?$/, `each entity row says "N articles · M mentions": ${row}`);
      const peopleOrder = entityRows.filter((row) => /Lindqvist|Marsh|Ferreira|Weber/.test(row)).map((row) => row.split(' | ')[0]);
      assert.deepEqual(peopleOrder.slice(0, 1), ['Tobias Lindqvist'], `most-reported person first: ${JSON.stringify(entityRows)}`);
      assert.equal(peopleOrder[peopleOrder.length - 1], 'Jonas Weber', `least-reported person last: ${JSON.stringify(entityRows)}`);
      assert.ok(entityRows.some((row) => row === 'Tobias Lindqvist | 3 articles · 7 mentions'), JSON.stringify(entityRows));

      // Expanding an entity shows its timeline: one row per article, oldest first.
      await level2.filter({ hasText: 'Tobias Lindqvist' }).locator('.monaco-tl-twistie').click();
      const timeline = pane.locator('.monaco-list-row[aria-level="3"]');
      await timeline.nth(2).waitFor({ timeout: 15_000 });
      const entries = await rowTexts(timeline);
      await screenshot('ui-entities-view.png');
      assert.deepEqual(entries, [
        '2024-03-05 Harbour bridge repairs to cost €40 million, finance minister says | 3 × · bridge-repairs.txt',
        '2024-03-12 Ferry fares frozen as bridge closure nears | 2 × · ferry-fares.txt',
        '2024-03-20 Parliament backs transport budget after long debate | 2 × · budget-vote.txt',
      ]);
      // Clicking a timeline row opens the article.
      await timeline.filter({ hasText: 'ferry-fares.txt' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: 'ferry-fares.txt' }).waitFor({ timeout: 15_000 });

      // The title bar's Filter action narrows the list; Clear filter brings everything back.
      await pane.locator('.pane-header').hover();
      await pane.locator('.pane-header .action-label[aria-label^="Filter Entities"]').click();
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      await input.fill('Marsh');
      await page.keyboard.press('Enter');
      await pane.locator('.monaco-list-row[aria-level="1"]', { hasText: 'matching “Marsh”' }).first().waitFor({ timeout: 15_000 });
      await level2.filter({ hasText: 'Tobias Lindqvist' }).waitFor({ state: 'detached', timeout: 15_000 });
      const filtered = await rowTexts(level2);
      assert.deepEqual(filtered, ['Helena Marsh | 2 articles · 3 mentions'], `the filter keeps only matching entities: ${JSON.stringify(filtered)}`);
      await pane.locator('.pane-header').hover();
      await pane.locator('.pane-header .action-label[aria-label^="Clear Entity Filter"]').click();
      await level2.filter({ hasText: 'Tobias Lindqvist' }).waitFor({ timeout: 15_000 });
    });
  });

  // Once a bug: a request without params reached the server's guard() with the token alone.
  it('"Corpus Lens: Open Figure Ledger…" from the palette offers the measures', async () => {
    try {
      await runCommandThatAsks(page, 'Corpus Lens: Open Figure Ledger…', 'Which figures? (what they count)');
      const measure = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'money:EUR' });
      // VS Code reports a command that throws in a modal dialog (or a notification).
      const error = page.locator('.monaco-dialog-box, .notification-toast');
      // Whichever comes first: the quick pick of measures, or the error.
      await measure.or(error).first().waitFor({ timeout: 15_000 });
      const shown = normalise(await error.first().innerText({ timeout: 100 }).catch(() => ''));
      assert.ok(await measure.isVisible(), `the quick pick lists money:EUR; error shown instead: ${shown}`);
      // A click, not Enter: a notification from an earlier step may hold the keyboard focus.
      // Headless chromium now and then drops a click on a list that is still laying out; the
      // row staying visible means the pick was not taken, so it is clicked again (at most 3 times).
      const ledger = viewLine(page, '# Figure ledger: money:EUR');
      for (let attempt = 1; ; attempt++) {
        await measure.click();
        const opened = await ledger.waitFor({ timeout: 5_000 }).then(() => true, () => false);
        if (opened) break;
        assert.ok(attempt < 3 && (await measure.isVisible()), 'the ledger document opens after picking money:EUR');
      }
      await runCommand(page, 'View: Revert and Close Editor');
    } finally {
      await screenshot('ui-palette-ledger.png').catch(() => undefined);
      const dialog = page.locator('.monaco-dialog-box');
      if (await dialog.isVisible()) {
        await dialog.locator('.monaco-button', { hasText: 'OK' }).click();
        await dialog.waitFor({ state: 'detached', timeout: 5_000 });
      }
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  });

  // Known bug, kept visible as a todo (it runs and reports, but does not fail the tier): the
  // entity's references are asked for through vscode.executeReferenceProvider on its first
  // article; when that article is not open yet it opens as plain text (the extension gives it the
  // article language only afterwards), no provider answers, and the peek never shows.
  // Once a bug: giving the article its language after the peek opened closed the peek again.
  it('clicking an entity whose article is not open yet shows its references', async () => {
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Corpus Entities' }) });
    try {
      // Jonas Weber is named only in river-festival.txt, which no earlier step opened.
      await pane.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Jonas Weber' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: 'river-festival.txt' }).waitFor({ timeout: 15_000 });
      const peek = page.locator('.peekview-widget.reference-zone-widget.results-loaded');
      await peek.waitFor({ timeout: 10_000 });
      await screenshot('ui-entities-click.png');
      const title = normalise(await peek.locator('.peekview-title').innerText());
      assert.match(title, /river-festival\.txt.*\(1\)/, `the peek shows his one mention: ${title}`);
    } finally {
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  });
});
