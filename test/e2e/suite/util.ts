// Helpers shared by the *.e2e.ts files that run inside the real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'corpus-lens.corpus-lens';
export const ARTICLE_LANGUAGE = 'article';

export interface CorpusLensApi {
  client?: unknown;
  ready?: PromiseLike<unknown>;
}

export function withTimeout<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}

/** Polls a condition until it holds; fails with a description of what never happened. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * Opens a file and resolves with its document once the extension has given it the article
 * language (the client may switch the language after the editor opened the file).
 */
export async function openArticle(name: string): Promise<vscode.TextDocument> {
  const uri = fixtureUri(name);
  await vscode.workspace.openTextDocument(uri);
  return waitFor(
    () => vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString() && doc.languageId === ARTICLE_LANGUAGE),
    `${name} to get the "${ARTICLE_LANGUAGE}" language (it has "${vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString())?.languageId}")`,
  );
}

/** The position one character into `word`, found after the text `before` (to pick one occurrence). */
export function positionIn(doc: vscode.TextDocument, before: string, word: string): vscode.Position {
  const text = doc.getText();
  const index = text.indexOf(before + word);
  assert.ok(index >= 0, `"${before}${word}" occurs in ${baseName(doc.uri)}`);
  return doc.positionAt(index + before.length + 1);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const hover of hovers ?? []) {
    for (const content of hover.contents) {
      parts.push(typeof content === 'string' ? content : content.value);
    }
  }
  // Markdown may carry non-breaking spaces and hard line breaks; compare on single spaces.
  return parts.join('\n').replace(/\s+/g, ' ');
}

