import { CreateFile, TextDocumentEdit, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorrectionPlan } from '../workspace/folderCorrections';
import type { Capabilities } from './capabilities';

/**
 * A correction as a WorkspaceEdit of `.corpuslens.json`: the smallest replacement that turns
 * the current text (the open buffer's, when open) into the new one, versioned when the buffer
 * is open so a stale edit is refused; a missing file is created first (CreateFile + TextEdit).
 * The editor applies it, so Ctrl+Z undoes it. Undefined when the client cannot apply it (a
 * missing file and no resource operations): the caller falls back to the server command.
 */
export function correctionWorkspaceEdit(plan: CorrectionPlan, caps: Capabilities): WorkspaceEdit | undefined {
  const uri = plan.fileUri;
  if (plan.oldText === undefined) {
    if (!caps.documentChanges || !caps.createFiles) return undefined;
    return {
      documentChanges: [CreateFile.create(uri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, plan.newText)])],
    };
  }
  const edit = smallestEdit(plan.oldText, plan.newText);
  if (caps.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri, version: plan.version ?? null }, [edit])] };
  return { changes: { [uri]: [edit] } };
}

/** One TextEdit replacing only what differs between two texts (common start and end kept). */
export function smallestEdit(oldText: string, newText: string): TextEdit {
  let start = 0;
  const shorter = Math.min(oldText.length, newText.length);
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && oldText.charCodeAt(oldText.length - 1 - end) === newText.charCodeAt(newText.length - 1 - end)) end++;
  // Never split a surrogate pair: step back onto its first half.
  if (start > 0 && isLowSurrogate(oldText.charCodeAt(start))) start--;
  if (end > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - end))) end--;
  const doc = TextDocument.create('untitled:corrections', 'json', 0, oldText);
  return TextEdit.replace({ start: doc.positionAt(start), end: doc.positionAt(oldText.length - end) }, newText.slice(start, newText.length - end));
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
