import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { CorpusQueries, FigureDisagreement } from '../corpus/queries';
import type { CorrectionsFileState } from '../workspace/folderCorrections';
import type { DiagnosticSettings } from '../workspace/settings';
import { fileName } from './describe';
import type { DocumentLookup } from './documents';

/** The `code` of each kind of diagnostic (source "Corpus Lens"), as code actions recognise them. */
export const DIAGNOSTIC_CODES = {
  figure: 'figure-disagrees',
  unresolvedDate: 'date-unresolved',
  corrections: 'corrections-invalid',
  skipped: 'file-skipped',
} as const;

const SOURCE = 'Corpus Lens';

/** What the diagnostics read besides the corpus. */
export interface DiagnosticsSource {
  corpus: CorpusQueries;
  docs: DocumentLookup;
  /** The settings of the folder a file is in; undefined outside every corpus folder. */
  settingsOf(uri: string): DiagnosticSettings | undefined;
  /** Every folder's corrections file as last read. */
  correctionsFiles(): CorrectionsFileState[];
  /** Files the index skipped, with the reason. */
  skippedFiles(): { fsPath: string; reason: string }[];
}

/**
 * The diagnostics of one file. An article: figures that disagree with their week
 * (information) and relative dates that cannot be resolved (hints). A `.corpuslens.json`: why
 * it is invalid, where (error). A skipped file: why it was skipped (warning).
 */
export function diagnosticsOf(uri: string, source: DiagnosticsSource, token: CancellationToken): Diagnostic[] {
  const settings = source.settingsOf(uri);
  if (!settings || token.isCancellationRequested) return [];
  const out: Diagnostic[] = [];
  const file = source.correctionsFiles().find((f) => f.uri === uri);
  if (file) {
    if (settings.corrections && file.problem) out.push(correctionsProblem(file));
    return out;
  }
  if (settings.skippedFiles) {
    const fsPath = URI.parse(uri).fsPath;
    const skipped = source.skippedFiles().find((s) => s.fsPath === fsPath);
    if (skipped) out.push({ range: START, severity: DiagnosticSeverity.Warning, source: SOURCE, code: DIAGNOSTIC_CODES.skipped, message: `Corpus Lens skipped this file: ${skipped.reason}.` });
  }
  const doc = source.docs.get(uri);
  if (!doc || !source.corpus.article(uri)) return out;
  if (settings.figures) for (const d of source.corpus.figureDisagreementsIn(uri, token)) out.push(figureDiagnostic(d, doc, source.docs));
  if (settings.unresolvedDates) {
    for (const date of source.corpus.datesIn(uri, token)) {
      if (!date.relative || date.value) continue;
      out.push({
        range: { start: doc.positionAt(date.start), end: doc.positionAt(date.end) },
        severity: DiagnosticSeverity.Hint,
        source: SOURCE,
        code: DIAGNOSTIC_CODES.unresolvedDate,
        message: `“${date.text}” cannot be resolved: ${date.unresolved ?? 'no value could be read'}. Set the article’s date to resolve it.`,
      });
    }
  }
  return token.isCancellationRequested ? [] : out;
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** "5,200 workers" against "4,000 workers" in three other articles of its week. */
function figureDiagnostic(d: FigureDisagreement, doc: TextDocument, docs: DocumentLookup): Diagnostic {
  const { consensus } = d;
  const examples = d.agreeing.slice(0, 3).map((a) => `${a.figure.text} (${fileName(a.uri)}, ${a.date})`);
  const more = consensus.size > examples.length ? ` and ${consensus.size - examples.length} more` : '';
  return {
    range: { start: doc.positionAt(d.figure.start), end: doc.positionAt(d.figure.end) },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: DIAGNOSTIC_CODES.figure,
    message: `“${d.figure.text}” disagrees with ${consensus.size} of the ${consensus.others} other articles reporting ${d.figure.measure} the same week: ${examples.join(', ')}${more}.`,
    relatedInformation: d.agreeing.flatMap((a) => {
      const location = docs.location(a.uri, a.figure.start, a.figure.end);
      return location ? [{ location, message: `${a.figure.text}, ${a.date}, ${fileName(a.uri)}` }] : [];
    }),
    data: { measure: d.figure.measure },
  };
}

function correctionsProblem(file: CorrectionsFileState): Diagnostic {
  const doc = TextDocument.create(file.uri, 'json', 0, file.text ?? '');
  const at = file.at ?? { offset: 0, length: 0 };
  return {
    range: { start: doc.positionAt(at.offset), end: doc.positionAt(at.offset + at.length) },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: DIAGNOSTIC_CODES.corrections,
    message: `${file.problem}. Corrections are off until it is fixed.`,
  };
}

/** textDocument/diagnostic: a full report, or "unchanged" when the client already has it. */
export function documentReport(uri: string, previousResultId: string | undefined, source: DiagnosticsSource, token: CancellationToken): DocumentDiagnosticReport {
  const items = diagnosticsOf(uri, source, token);
  const resultId = resultIdOf(items);
  return previousResultId === resultId ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId } : { kind: DocumentDiagnosticReportKind.Full, resultId, items };
}

/**
 * workspace/diagnostic: every file with something to show (figures that disagree, invalid
 * corrections files, skipped files) and every file the client had a result for, so cleared
 * ones are emptied. A file whose diagnostics have not changed is reported "unchanged" by its
 * result id: the editor re-asks every few seconds, and a large corpus stays cheap. Hints
 * (unresolved dates) come with the document pulls of open articles only.
 */
export function workspaceReport(previous: { uri: string; value: string }[], source: DiagnosticsSource, token: CancellationToken): WorkspaceDiagnosticReport {
  const uris = new Set<string>(source.corpus.articlesWithFigureDisagreements(token));
  for (const f of source.correctionsFiles()) if (f.problem) uris.add(f.uri);
  for (const s of source.skippedFiles()) uris.add(URI.file(s.fsPath).toString());
  const before = new Map(previous.map((p) => [p.uri, p.value]));
  for (const uri of before.keys()) uris.add(uri);
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  for (const uri of [...uris].sort()) {
    if (token.isCancellationRequested) return { items: [] };
    const diagnostics = diagnosticsOf(uri, source, token).filter((d) => d.severity !== DiagnosticSeverity.Hint);
    // Nothing to show and nothing shown before: nothing to say.
    if (diagnostics.length === 0 && !before.has(uri)) continue;
    const resultId = resultIdOf(diagnostics);
    const version = source.docs.openVersion(uri);
    if (before.get(uri) === resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, resultId, version });
    else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, resultId, version, items: diagnostics });
  }
  return { items };
}

/** A result id that changes when the diagnostics do (FNV-1a of their JSON, and its length). */
function resultIdOf(items: Diagnostic[]): string {
  const text = JSON.stringify(items);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(16)}:${text.length}`;
}
