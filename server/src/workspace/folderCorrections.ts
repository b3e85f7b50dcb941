import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { AppliedCorrections } from '../corpus/applyCorrections';
import { applyCorrectionEdit, CORRECTIONS_FILE, emptyCorrections, parseCorrections, readCorrectionEdit, serializeCorrections, validateCorrections, type CorrectionEdit, type Corrections, type ProblemSpan } from '../corpus/corrections';
import type { ArticleSource } from '../host/articleSource';
import type { Folder, Folders } from './folders';

/** Why a correction cannot be recorded in an untrusted workspace. */
export const SAFE_MODE_PROBLEM = 'this workspace is not trusted, so Corpus Lens runs in safe mode and keeps no corrections; trust the workspace to correct entities';

/** A folder's corrections file as last read (from the open buffer or the disk). */
export interface CorrectionsFileState {
  /** The file's uri. */
  uri: string;
  /** Its text (the open buffer's when open); undefined when the file does not exist. */
  text?: string;
  /** The open buffer's version, when it is open. */
  version?: number;
  /** Why it is not valid, and where in `text`. */
  problem?: string;
  at?: ProblemSpan;
}

/** A correction as a change of a corrections file's text, computed against what the editor has. */
export interface CorrectionPlan {
  fileUri: string;
  /** The current text (undefined: the file does not exist yet and must be created). */
  oldText?: string;
  /** The open buffer's version the change was computed against. */
  version?: number;
  newText: string;
}

/**
 * The reader's corrections as the folders keep them (`.corpuslens.json`, read and written
 * through the ArticleSource), turned into what the corpus applies: entity ids and keys, with
 * files as uris. In safe mode nothing is read or written.
 */
export class FolderCorrections {
  /** Folder uri → its corrections file as last read. */
  private files = new Map<string, CorrectionsFileState>();
  /** Corrections file uri → the open buffer's text and version: it wins over the disk. */
  private readonly buffers = new Map<string, { text: string; version: number }>();

  constructor(
    private readonly source: ArticleSource,
    private readonly folders: Folders,
    private readonly events: { log(message: string): void; warn?(message: string): void },
    private readonly safeMode: () => boolean,
  ) {}

  /**
   * Reads every folder's corrections file (the open buffer's text when the editor has it open);
   * an invalid file is reported and counts as empty, an invalid open buffer keeps the last
   * valid corrections while it is being typed.
   */
  async load(): Promise<void> {
    if (this.safeMode()) return;
    const files = new Map<string, CorrectionsFileState>();
    for (const folder of this.folders.all()) {
      const uri = fileUriOf(folder);
      const buffer = this.buffers.get(uri);
      if (buffer) {
        files.set(folder.uri, this.fromBuffer(folder, uri, buffer));
        continue;
      }
      const read = await this.source.readCorrections(folder.fsPath);
      if (read.state === 'invalid') {
        const message = `${read.problem}. Corrections are off until it is fixed or deleted; Corpus Lens will not overwrite it.`;
        this.events.log(message);
        this.events.warn?.(`Corpus Lens: ${message}`);
      }
      folder.corrections = read.corrections;
      files.set(folder.uri, { uri, text: read.state === 'absent' ? undefined : read.text, ...(read.state === 'invalid' ? { problem: read.problem, at: read.at } : {}) });
    }
    this.files = files;
  }

  /** True when `uri` is the corrections file at the root of one of the folders. */
  isCorrectionsFile(uri: string): boolean {
    return this.folders.all().some((f) => fileUriOf(f) === uri);
  }

  /**
   * The editor opened or changed a corrections file (text) or closed it (undefined): the
   * buffer wins over the disk while it is open. Call load() afterwards.
   */
  setBuffer(uri: string, buffer: { text: string; version: number } | undefined): void {
    if (buffer) this.buffers.set(uri, buffer);
    else this.buffers.delete(uri);
  }

  /**
   * The editor applied an edit to a corrections file (it may not send us the buffer, nor save
   * it yet): the folder takes the edited text's corrections until the buffer or the file says
   * otherwise. An open buffer brings the text itself.
   */
  adopt(uri: string, text: string): void {
    const folder = this.folders.all().find((f) => fileUriOf(f) === uri);
    if (!folder || this.buffers.has(uri) || this.safeMode()) return;
    const parsed = parseCorrections(text);
    if (!parsed.ok) return;
    folder.corrections = parsed.corrections;
    this.files.set(folder.uri, { uri, text });
  }

  /** Every folder's corrections file as last read, for the diagnostics. */
  fileStates(): CorrectionsFileState[] {
    return [...this.files.values()];
  }

  private fromBuffer(folder: Folder, uri: string, buffer: { text: string; version: number }): CorrectionsFileState {
    const parsed = parseCorrections(buffer.text);
    // While it is being typed the buffer is often invalid: the last valid corrections stay.
    if (parsed.ok) folder.corrections = parsed.corrections;
    else folder.corrections ??= emptyCorrections();
    return { uri, text: buffer.text, version: buffer.version, ...(parsed.ok ? {} : { problem: parsed.problem, at: parsed.at }) };
  }

  /**
   * Corrections, each as a change of its folder's corrections file, computed against the open
   * buffer when the editor has it open (so an unsaved copy is respected), else the file, read
   * once for all. The arguments come from any client, so they are checked first; a change that
   * would make the file invalid, or a file that is invalid now, is refused with the problem.
   */
  async plan(uri: unknown, proposed: unknown[]): Promise<(CorrectionPlan | { problem: string })[]> {
    const currents = new Map<string, Promise<{ corrections: Corrections; oldText?: string; version?: number } | { problem: string }>>();
    return Promise.all(
      proposed.map(async (edit) => {
        const target = this.target(uri, edit);
        if ('problem' in target) return target;
        const fileUri = fileUriOf(target.folder);
        let current = currents.get(fileUri);
        if (!current) currents.set(fileUri, (current = this.current(target.folder, fileUri)));
        const now = await current;
        if ('problem' in now) return now;
        const next = applyCorrectionEdit(now.corrections, target.edit);
        const problem = validateCorrections(next);
        if (problem) return { problem };
        return { fileUri, oldText: now.oldText, version: now.version, newText: serializeCorrections(next) };
      }),
    );
  }

  /** A folder's corrections and the text they come from: the open buffer's, else the file's. */
  private async current(folder: Folder, fileUri: string): Promise<{ corrections: Corrections; oldText?: string; version?: number } | { problem: string }> {
    const buffer = this.buffers.get(fileUri);
    if (buffer) {
      const parsed = parseCorrections(buffer.text);
      return parsed.ok ? { corrections: parsed.corrections, oldText: buffer.text, version: buffer.version } : { problem: `${parsed.problem}; fix it first` };
    }
    const read = await this.source.readCorrections(folder.fsPath);
    if (read.state === 'invalid') return { problem: `${read.problem}; fix it first` };
    return { corrections: read.corrections, oldText: read.state === 'ok' ? (read.text ?? '') : undefined };
  }

  /** The checked edit and the folder it goes to, files made relative to it. */
  private target(uri: unknown, proposed: unknown): { folder: Folder; edit: CorrectionEdit } | { problem: string } {
    const read = readCorrectionEdit(proposed);
    if ('problem' in read) return read;
    if (typeof uri !== 'string') return { problem: 'the correction is malformed: the first argument must be a document uri' };
    let edit = read.edit;
    if (this.safeMode()) return { problem: SAFE_MODE_PROBLEM };
    const folder = this.folders.classify(uri)?.folder ?? this.folders.all()[0];
    if (!folder) return { problem: 'no workspace folder to keep corrections in' };
    // Files are kept relative to the folder, so the corrections travel with the corpus.
    if ((edit.kind === 'split' || edit.kind === 'articleDate') && edit.file?.includes(':')) {
      const place = this.folders.classify(edit.file);
      if (!place) return { problem: `${edit.file} is not in a workspace folder` };
      edit = { ...edit, file: place.relative };
    }
    return { folder, edit };
  }

  /**
   * Records one correction in the `.corpuslens.json` of the folder of `uri` (the first folder
   * for a file outside them), writing the file itself: the path for clients that can neither
   * apply workspace edits nor run our commands. Returns a problem when it cannot.
   */
  async record(uri: unknown, proposed: unknown): Promise<{ problem: string } | { folder: Folder }> {
    const target = this.target(uri, proposed);
    if ('problem' in target) return target;
    const { folder, edit } = target;
    const buffer = this.buffers.get(fileUriOf(folder));
    if (buffer) {
      const disk = await this.source.readCorrections(folder.fsPath);
      const saved = disk.state === 'absent' ? '' : (disk.text ?? '');
      if (buffer.text !== saved) return { problem: `${CORRECTIONS_FILE} is open with changes the editor has not saved; Corpus Lens will not write behind it` };
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

  /** A fingerprint of every folder's corrections, to tell whether a re-read changed anything. */
  fingerprint(): string {
    return JSON.stringify(this.folders.all().map((f) => (f.corrections ? serializeCorrections(f.corrections) : '')));
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

/** The uri of a folder's corrections file. */
export function fileUriOf(folder: Folder): string {
  return URI.file(path.join(folder.fsPath, CORRECTIONS_FILE)).toString();
}
