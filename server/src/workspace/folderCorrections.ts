import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { AppliedCorrections } from '../corpus/applyCorrections';
import { applyCorrectionEdit, emptyCorrections, readCorrectionEdit, validateCorrections } from '../corpus/corrections';
import type { ArticleSource } from '../host/articleSource';
import type { Folder, Folders } from './folders';

/** Why a correction cannot be recorded in an untrusted workspace. */
export const SAFE_MODE_PROBLEM = 'this workspace is not trusted, so Corpus Lens runs in safe mode and keeps no corrections; trust the workspace to correct entities';

/**
 * The reader's corrections as the folders keep them (`.corpuslens.json`, read and written
 * through the ArticleSource), turned into what the corpus applies: entity ids and keys, with
 * files as uris. In safe mode nothing is read or written.
 */
export class FolderCorrections {
  constructor(
    private readonly source: ArticleSource,
    private readonly folders: Folders,
    private readonly events: { log(message: string): void; warn?(message: string): void },
    private readonly safeMode: () => boolean,
  ) {}

  /** Reads every folder's corrections file; an invalid one is reported and counts as empty. */
  async load(): Promise<void> {
    if (this.safeMode()) return;
    for (const folder of this.folders.all()) {
      const read = await this.source.readCorrections(folder.fsPath);
      if (read.state === 'invalid') {
        const message = `${read.problem}. Corrections are off until it is fixed or deleted; Corpus Lens will not overwrite it.`;
        this.events.log(message);
        this.events.warn?.(`Corpus Lens: ${message}`);
      }
      folder.corrections = read.corrections;
    }
  }

  /**
   * Records one correction in the `.corpuslens.json` of the folder of `uri` (the first folder
   * for a file outside them). The arguments come from any client, so they are checked first,
   * and a change the file's reader would refuse is never written. Returns a problem when it
   * cannot (malformed, safe mode, invalid file).
   */
  async record(uri: unknown, proposed: unknown): Promise<{ problem: string } | { folder: Folder }> {
    const read = readCorrectionEdit(proposed);
    if ('problem' in read) return read;
    if (typeof uri !== 'string') return { problem: 'the correction is malformed: the first argument must be a document uri' };
    let edit = read.edit;
    if (this.safeMode()) return { problem: SAFE_MODE_PROBLEM };
    const first = this.folders.all()[0];
    const folder = this.folders.classify(uri)?.folder ?? first;
    if (!folder) return { problem: 'no workspace folder to keep corrections in' };
    // Files are kept relative to the folder, so the corrections travel with the corpus.
    if ((edit.kind === 'split' || edit.kind === 'articleDate') && edit.file?.includes(':')) {
      const target = this.folders.classify(edit.file);
      if (!target) return { problem: `${edit.file} is not in a workspace folder` };
      edit = { ...edit, file: target.relative };
    }
    const result = await this.source.updateCorrections(folder.fsPath, (current) => {
      const next = applyCorrectionEdit(current, edit);
      const problem = validateCorrections(next);
      return problem ? { problem } : next;
    });
    if ('problem' in result) return result;
    folder.corrections = result.corrections;
    return { folder };
  }

  /** A fingerprint of every folder's article dates, to tell whether they changed. */
  datesFingerprint(): string {
    return JSON.stringify(this.folders.all().map((f) => Object.entries(f.corrections?.articleDates ?? {})));
  }

  /** The corrections of all folders in the form the corpus applies. */
  applied(): AppliedCorrections {
    const applied: AppliedCorrections = { merges: [], noJoin: new Set(), splitIn: new Map(), notEntity: new Set() };
    for (const folder of this.folders.all()) {
      const c = folder.corrections ?? emptyCorrections();
      for (const m of c.merge) applied.merges.push({ ids: m.entities, name: m.name });
      for (const split of c.split) {
        if (!split.file) applied.noJoin.add(split.entity);
        else {
          const uri = URI.file(path.join(folder.fsPath, split.file)).toString();
          let keys = applied.splitIn.get(uri);
          if (!keys) applied.splitIn.set(uri, (keys = new Set()));
          keys.add(split.entity);
        }
      }
      for (const value of c.notEntity) applied.notEntity.add(value.toLowerCase());
    }
    return applied;
  }
}
