import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { isSurnameKey } from '../analysis/entityKeys';
import type { CorpusQueries } from '../corpus/queries';
import { APPLY_CORRECTION_COMMAND, ClientCommands, type ApplyCorrectionArgs, type CorrectionEdit, type MergeEntityArgs, type SetArticleDateArgs, type ShowLedgerArgs } from '../protocol';
import type { CorrectionPlan } from '../workspace/folderCorrections';
import type { Capabilities } from './capabilities';
import { correctionWorkspaceEdit } from './correctionEdits';
import { DIAGNOSTIC_CODES } from './diagnostics';
import type { DocumentLookup } from './documents';

/** What code actions need besides the corpus: the client's abilities and the correction planner. */
export interface CodeActionContext {
  caps: Capabilities;
  plan(uri: string, edits: CorrectionEdit[]): Promise<(CorrectionPlan | { problem: string })[]>;
}

/** Dates offered for an undated article: the full dates its text gives, at most this many. */
const DATE_CHOICES = 3;

/**
 * Corrections offered on a mention: not an entity, split this article's mentions apart, keep a
 * surname apart everywhere, and set the article's date, each a WorkspaceEdit of
 * `.corpuslens.json` (undoable, computed against an open unsaved copy); merging asks which
 * entity, so it is offered only to a client that runs our merge command. Diagnostics get their
 * own fixes: the ledger of a disagreeing figure, a date for an unresolved relative date.
 */
export async function provideCodeActions(params: CodeActionParams, corpus: CorpusQueries, docs: DocumentLookup, context: CodeActionContext, token: CancellationToken): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const doc = docs.get(uri);
  const record = corpus.article(uri);
  if (!doc || !record) return [];
  const { caps } = context;
  const proposals: { title: string; edit: CorrectionEdit; diagnostics?: Diagnostic[]; preferred?: boolean }[] = [];
  const commands: CodeAction[] = [];
  const hit = corpus.entityAt(uri, doc.offsetAt(params.range.start), token);
  if (hit) {
    const name = hit.name;
    proposals.push({ title: `Corpus Lens: “${hit.mention.text}” is not an entity (everywhere)`, edit: { kind: 'notEntity', value: hit.mention.text } });
    if (caps.commands.has(ClientCommands.mergeEntity)) {
      commands.push({
        title: `Corpus Lens: Merge “${name}” with another entity…`,
        kind: CodeActionKind.QuickFix,
        command: { title: 'Merge', command: ClientCommands.mergeEntity, arguments: [uri, hit.id, name, hit.kind] satisfies MergeEntityArgs },
      });
    }
    const members = corpus.membersOf(hit.id, token);
    if (members.length > 1 || hit.mention.key !== hit.id) {
      proposals.push({ title: `Corpus Lens: In this article, “${hit.mention.text}” is not ${name}`, edit: { kind: 'split', entity: hit.mention.key, file: uri } });
    }
    if (isSurnameKey(hit.mention.key) && hit.mention.key !== hit.id) {
      proposals.push({ title: `Corpus Lens: Never join “${hit.mention.text}” to ${name}`, edit: { kind: 'split', entity: hit.mention.key } });
    }
  }
  const ours = (code: string) => params.context.diagnostics.filter((d) => d.source === 'Corpus Lens' && d.code === code);
  const undated = ours(DIAGNOSTIC_CODES.unresolvedDate);
  const current = record.meta.articleDate.value || undefined;
  for (const [i, date] of datesInText(corpus, uri, token).filter((d) => d !== current).slice(0, DATE_CHOICES).entries()) {
    proposals.push({ title: `Corpus Lens: Set this article’s date to ${date} (a date in its text)`, edit: { kind: 'articleDate', file: uri, date }, diagnostics: undated.length ? undated : undefined, preferred: i === 0 && undated.length > 0 });
  }
  if (caps.commands.has(ClientCommands.setArticleDate)) {
    commands.push({
      title: 'Corpus Lens: Set this article’s date…',
      kind: CodeActionKind.QuickFix,
      ...(undated.length ? { diagnostics: undated } : {}),
      command: { title: 'Set date', command: ClientCommands.setArticleDate, arguments: [uri, current] satisfies SetArticleDateArgs },
    });
  }
  if (caps.commands.has(ClientCommands.showLedger)) {
    for (const d of ours(DIAGNOSTIC_CODES.figure)) {
      const measure = (d.data as { measure?: unknown } | undefined)?.measure;
      if (typeof measure !== 'string') continue;
      commands.push({ title: `Corpus Lens: Open the ledger of ${measure}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, command: { title: 'Open ledger', command: ClientCommands.showLedger, arguments: [measure] satisfies ShowLedgerArgs } });
    }
  }
  const plans = await context.plan(uri, proposals.map((p) => p.edit));
  const edits = proposals.flatMap((p, i): CodeAction[] => {
    const plan = plans[i];
    const base: CodeAction = { title: p.title, kind: CodeActionKind.QuickFix, ...(p.diagnostics ? { diagnostics: p.diagnostics } : {}), ...(p.preferred ? { isPreferred: true } : {}) };
    if ('problem' in plan) return caps.codeActionDisabled ? [{ ...base, disabled: { reason: plan.problem } }] : [];
    const edit = correctionWorkspaceEdit(plan, caps);
    // A client that cannot create the file runs the server's command, which writes it.
    return [edit ? { ...base, edit } : { ...base, command: { title: p.title, command: APPLY_CORRECTION_COMMAND, arguments: [uri, p.edit] satisfies ApplyCorrectionArgs } }];
  });
  return [...edits, ...commands];
}

/** The distinct full dates (YYYY-MM-DD) an article's text gives, in text order. */
function datesInText(corpus: CorpusQueries, uri: string, token: CancellationToken): string[] {
  const out = new Set<string>();
  for (const d of corpus.datesIn(uri, token)) if (!d.relative && d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value)) out.add(d.value);
  return [...out];
}
