import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Corrections } from '../corpus/corrections';
import { articleMatcher, type ArticleMatcher } from '../host/articleSource';
import type { Settings } from './settings';

/** A workspace folder with its settings. */
export interface Folder {
  uri: string;
  fsPath: string;
  settings: Settings;
  /** The folder's `.corpuslens.json`, once read. */
  corrections?: Corrections;
}

/** Where a file lies: its folder, its folder-relative path, and whether the settings make it an article. */
export interface Place {
  folder: Folder;
  /** Relative to the folder, with forward slashes, as globs and the corrections file write it. */
  relative: string;
  isArticle: boolean;
}

/**
 * The workspace folders with their settings and corrections, and which files are articles.
 * The matchers are compiled once per settings change, not on every keystroke that asks.
 */
export class Folders {
  private list: Folder[] = [];
  private matchers = new Map<Folder, ArticleMatcher>();

  set(folders: Folder[]): void {
    this.list = folders;
    this.matchers = new Map(folders.map((f) => [f, articleMatcher({ include: f.settings.articles, exclude: f.settings.exclude })]));
  }

  all(): readonly Folder[] {
    return this.list;
  }

  paths(): string[] {
    return this.list.map((f) => f.fsPath);
  }

  /** The folder a file belongs to, its relative path and whether it is an article; undefined outside every folder. */
  classify(uri: string): Place | undefined {
    const fsPath = URI.parse(uri).fsPath;
    const folder = this.list.find((f) => fsPath === f.fsPath || fsPath.startsWith(f.fsPath.endsWith(path.sep) ? f.fsPath : f.fsPath + path.sep));
    if (!folder) return undefined;
    const relative = relativeTo(folder, fsPath);
    return { folder, relative, isArticle: this.matchers.get(folder)!.isArticle(relative) };
  }

  /** The article date a file is given: its folder's corrections file wins over the setting. */
  articleDateFor(uri: string): string | undefined {
    const place = this.classify(uri);
    return place && articleDateIn(place.folder, place.relative);
  }
}

/** The article date a folder gives one of its files: the corrections file wins over the setting. */
export function articleDateIn(folder: Folder, relative: string): string | undefined {
  return folder.corrections?.articleDates[relative] ?? folder.settings.articleDates[relative];
}

/** A path relative to a folder, with forward slashes. */
export function relativeTo(folder: Folder, fsPath: string): string {
  return path.relative(folder.fsPath, fsPath).split(path.sep).join('/');
}
