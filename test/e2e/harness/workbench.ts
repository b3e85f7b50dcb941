import type { Locator, Page } from 'playwright-core';

/** Collapses runs of whitespace (hover text uses non-breaking spaces) to single spaces. */
export function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Loads the workbench and waits until the explorer shows the workspace's files. */
export async function openWorkbench(page: Page, url: string, firstFile: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: firstFile }).first().waitFor({ timeout: 60_000 });
}

async function quickPick(page: Page, opener: string, text: string, rowText: string | RegExp): Promise<void> {
  await page.keyboard.press(opener);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: rowText }).first().waitFor();
  await page.keyboard.press('Enter');
  // The pick is taken once the widget hides, or shows something else: a command that opens a
  // quick pick of its own (Open Figure Ledger…, Show Entity Types…) reuses the widget at once,
  // and on a busy machine it may never be seen hidden in between.
  await page.waitForFunction(
    (typed) => {
      const widget = (globalThis as any).document.querySelector('.quick-input-widget');
      const box = widget?.querySelector('.quick-input-box input');
      return !widget || widget.offsetParent === null || (globalThis as any).getComputedStyle(widget).display === 'none' || box?.value !== typed;
    },
    text,
    { timeout: 30_000 },
  );
}

/** Runs a command by its palette label (F1, type, Enter). */
export async function runCommand(page: Page, label: string): Promise<void> {
  await quickPick(page, 'F1', `>${label}`, label);
}

/**
 * Runs a command that asks with a quick pick of its own, and waits for that question: the
 * palette's widget is reused, so it may never be seen hidden in between (a fast server
 * answers before the next frame).
 */
export async function runCommandThatAsks(page: Page, label: string, placeholder: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.quick-input-widget .quick-input-box input[placeholder="${placeholder}"]`).waitFor({ state: 'visible' });
}

/** Opens a workspace file with Quick Open and waits for its tab to become active. */
export async function openFile(page: Page, name: string): Promise<void> {
  await quickPick(page, 'Control+P', name, name);
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.monaco-editor .view-line').first().waitFor();
}

/** The active editor's rendered line that contains a text (only lines in view are rendered). */
export function viewLine(page: Page, text: string): Locator {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line', { hasText: text }).first();
}

/**
 * The on-screen box of `word` inside the rendered line containing `lineText`, measured with a
 * DOM Range over the line's text nodes (monaco splits a line into one span per token).
 */
export async function wordBox(page: Page, lineText: string, word: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const line = viewLine(page, lineText);
  await line.waitFor();
  const box = await line.evaluate((element, wanted) => {
    const text = element.textContent ?? '';
    const start = text.indexOf(wanted);
    if (start < 0) return null;
    // The root tsconfig has no DOM library (server code must not use it), hence the untyped
    // document; 4 is NodeFilter.SHOW_TEXT.
    const doc = element.ownerDocument;
    const walker = doc.createTreeWalker(element, 4);
    const range = doc.createRange();
    let offset = 0;
    let startSet = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (!startSet && start < offset + length) {
        range.setStart(node, start - offset);
        startSet = true;
      }
      if (startSet && start + wanted.length <= offset + length) {
        range.setEnd(node, start + wanted.length - offset);
        const rect = range.getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      }
      offset += length;
    }
    return null;
  }, word);
  if (!box) throw new Error(`"${word}" is not on the rendered line containing "${lineText}"`);
  return box;
}

/** Moves the mouse over a word (or clicks it) by its centre. */
export async function pointAt(page: Page, lineText: string, word: string, click = false): Promise<void> {
  const box = await wordBox(page, lineText, word);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (click) await page.mouse.click(x, y);
  else await page.mouse.move(x, y);
}

/**
 * Resolves once the element's CSS animations (and its descendants') have finished, e.g. the
 * hover widget's fade-in, so that a screenshot shows it fully drawn.
 */
export async function animationsDone(locator: Locator): Promise<void> {
  await locator.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((animation: any) => animation.finished)).then(() => undefined), undefined, { timeout: 5000 });
}

/**
 * Hovers a word until the visible hover widget contains `expected` and returns its text. Early
 * hovers can come back empty (the client is still registering) or with counts from a corpus
 * that is still being indexed, so the mouse leaves and comes back until the deadline; each try
 * waits on the widget itself. A failure reports the last hover seen.
 */
export async function hoverUntil(page: Page, lineText: string, word: string, expected: string, timeoutMs = 45_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const anyHover = page.locator('.monaco-hover:not(.hidden)').first();
  const wanted = page.locator('.monaco-hover:not(.hidden)', { hasText: expected }).first();
  let lastSeen = '';
  for (;;) {
    await page.mouse.move(5, 5);
    await pointAt(page, lineText, word);
    try {
      await wanted.waitFor({ state: 'visible', timeout: Math.min(3000, Math.max(1, deadline - Date.now())) });
      await animationsDone(wanted);
      return normalise(await wanted.innerText());
    } catch {
      lastSeen = normalise(await anyHover.innerText({ timeout: 100 }).catch(() => lastSeen));
      if (Date.now() > deadline) {
        throw new Error(`no hover containing "${expected}" over "${word}" within ${timeoutMs / 1000} s; last hover seen: "${lastSeen}"`);
      }
    }
  }
}

/**
 * Runs "Developer: Inspect Editor Tokens and Scopes" on the word under the cursor and returns
 * the widget's text, once it has tokenized the line (it says "Loading..." until then).
 */
export async function inspectTokens(page: Page): Promise<string> {
  await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
  const inspector = page.locator('.token-inspect-widget');
  await inspector.waitFor();
  await page.waitForFunction(() => {
    const widget = (globalThis as any).document.querySelector('.token-inspect-widget');
    return widget && !/Loading/.test(widget.textContent);
  });
  return normalise(await inspector.innerText());
}
