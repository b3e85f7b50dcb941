import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { isSurnameKey } from '../analysis/entityKeys';
import type { CorpusQueries } from '../corpus/queries';
import { APPLY_CORRECTION_COMMAND, ClientCommands, type ApplyCorrectionArgs, type CorrectionEdit, type MergeEntityArgs, type SetArticleDateArgs } from '../protocol';
import type { DocumentLookup } from './documents';

/**
 * Corrections offered on a mention: not an entity, merge with another entity (the client
 * asks which), split this article's mentions apart, keep a surname apart everywhere, and set
 * the article's date (the client asks for it).
 */
export function provideCodeActions(params: CodeActionParams, corpus: CorpusQueries, docs: DocumentLookup, token: CancellationToken): CodeAction[] {
  const uri = params.textDocument.uri;
  const doc = docs.get(uri);
  const record = corpus.article(uri);
  if (!doc || !record) return [];
  const actions: CodeAction[] = [];
  const hit = corpus.entityAt(uri, doc.offsetAt(params.range.start), token);
  const correction = (title: string, edit: CorrectionEdit): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    command: { title, command: APPLY_CORRECTION_COMMAND, arguments: [uri, edit] satisfies ApplyCorrectionArgs },
  });
  if (hit) {
    const name = hit.name;
    actions.push(correction(`Corpus Lens: “${hit.mention.text}” is not an entity (everywhere)`, { kind: 'notEntity', value: hit.mention.text }));
    actions.push({
      title: `Corpus Lens: Merge “${name}” with another entity…`,
      kind: CodeActionKind.QuickFix,
      command: { title: 'Merge', command: ClientCommands.mergeEntity, arguments: [uri, hit.id, name, hit.kind] satisfies MergeEntityArgs },
    });
    const members = corpus.membersOf(hit.id, token);
    if (members.length > 1 || hit.mention.key !== hit.id) {
      actions.push(correction(`Corpus Lens: In this article, “${hit.mention.text}” is not ${name}`, { kind: 'split', entity: hit.mention.key, file: uri }));
    }
    if (isSurnameKey(hit.mention.key) && hit.mention.key !== hit.id) {
      actions.push(correction(`Corpus Lens: Never join “${hit.mention.text}” to ${name}`, { kind: 'split', entity: hit.mention.key }));
    }
  }
  actions.push({
    title: 'Corpus Lens: Set this article’s date…',
    kind: CodeActionKind.QuickFix,
    command: { title: 'Set date', command: ClientCommands.setArticleDate, arguments: [uri, record.meta.articleDate.value || undefined] satisfies SetArticleDateArgs },
  });
  return actions;
}
