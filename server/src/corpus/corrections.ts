/**
 * The reader's corrections, kept in `.corpuslens.json` at the root of a workspace folder:
 * merge entities, split one, mark a spelling as "not an entity", set an article's date.
 * Pure: parsing, validation, editing and a stable serialisation (sorted, two-space JSON, so a
 * git diff reads well). The host reads and writes the file.
 */
import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';

export const CORRECTIONS_FILE = '.corpuslens.json';
/** Larger files are refused unread: a corrections file is small. */
export const MAX_CORRECTIONS_BYTES = 1_000_000;
const MAX_DEPTH = 6;
const MAX_ITEMS = 20_000;

export interface Corrections {
  version: 1;
  /** Groups of entity ids or keys that are one entity; `name` is the name to show. */
  merge: { entities: string[]; name?: string }[];
  /** Split: an entity key that must stand alone (no automatic joining), optionally only in one file. */
  split: { entity: string; file?: string }[];
  /** Spellings (case-insensitive) or entity keys that are not entities. */
  notEntity: string[];
  /** Article dates by path relative to the folder (YYYY-MM-DD). */
  articleDates: Record<string, string>;
}

export function emptyCorrections(): Corrections {
  return { version: 1, merge: [], split: [], notEntity: [], articleDates: dateTable([]) };
}

/**
 * Article dates by path, in an object without a prototype: a file named "constructor" or
 * "__proto__" is looked up and stored like any other path.
 */
function dateTable(entries: Iterable<[string, string]>): Record<string, string> {
  const table: Record<string, string> = Object.create(null);
  for (const [file, date] of entries) table[file] = date;
  return table;
}

/** Where in the file a problem is: UTF-16 offset and length (0, 0 when it is the whole file). */
export interface ProblemSpan {
  offset: number;
  length: number;
}

/** The result of reading a corrections file: the corrections, or why they were refused and where. */
export type ParsedCorrections = { ok: true; corrections: Corrections } | { ok: false; problem: string; at?: ProblemSpan };

/** A schema problem and the path of the field that fails (["merge", 0, "entities"]). */
interface Problem {
  message: string;
  path: (string | number)[];
}

/** Parses and validates the text of a `.corpuslens.json`; never throws. */
export function parseCorrections(text: string): ParsedCorrections {
  if (text.length > MAX_CORRECTIONS_BYTES) return { ok: false, problem: `${CORRECTIONS_FILE} is larger than ${MAX_CORRECTIONS_BYTES / 1e6} MB; it was not read` };
  if (text.trim() === '') return { ok: true, corrections: emptyCorrections() };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problem: `${CORRECTIONS_FILE} is not valid JSON (${error instanceof Error ? error.message : String(error)})`, at: syntaxErrorAt(text) };
  }
  const problem = validate(json);
  return problem ? { ok: false, problem: `${CORRECTIONS_FILE}: ${problem.message}`, at: fieldAt(text, problem.path) } : { ok: true, corrections: normalise(json as Partial<Corrections>) };
}

/** Where strict JSON parsing first fails, as jsonc-parser (comments and trailing commas refused) finds it. */
function syntaxErrorAt(text: string): ProblemSpan {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const errors: ParseError[] = [];
  parseTree(text.slice(bom), errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  return first ? { offset: first.offset + bom, length: Math.max(1, first.length) } : { offset: 0, length: 0 };
}

/** The span of the field a path names: an unknown key's name, else the value (or the nearest parent found). */
function fieldAt(text: string, path: (string | number)[]): ProblemSpan {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const tree = parseTree(text.slice(bom), [], { allowTrailingComma: false });
  if (!tree) return { offset: 0, length: 0 };
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (!node) continue;
    const key = node.parent?.type === 'property' && n === path.length && typeof path[n - 1] === 'string' ? node.parent.children?.[0] : undefined;
    const target = key && unknownKey(path) ? key : node;
    return { offset: target.offset + bom, length: target.length };
  }
  return { offset: 0, length: 0 };
}

/** An unknown top-level field is marked on its name; any other problem on its value. */
function unknownKey(path: (string | number)[]): boolean {
  return path.length === 1 && typeof path[0] === 'string' && !KNOWN_FIELDS.has(path[0]);
}

const KNOWN_FIELDS = new Set(['$schema', 'version', 'merge', 'split', 'notEntity', 'articleDates']);

function depth(value: unknown, limit: number): number {
  if (limit < 0) return Number.POSITIVE_INFINITY;
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.slice(0, MAX_ITEMS).map((v) => depth(v, limit - 1)));
  if (value && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).slice(0, MAX_ITEMS).map((v) => depth(v, limit - 1)));
  return 0;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 500;

/** The schema of corpuslens.schema.json, checked by hand so the server needs no validator. */
function validate(json: unknown): Problem | undefined {
  const at = (message: string, ...path: (string | number)[]): Problem => ({ message, path });
  if (!json || typeof json !== 'object' || Array.isArray(json)) return at('the top level must be an object');
  if (depth(json, MAX_DEPTH + 1) > MAX_DEPTH) return at(`nested deeper than ${MAX_DEPTH} levels`);
  const o = json as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length) return at(`unknown field ${JSON.stringify(unknown[0])} (expected version, merge, split, notEntity, articleDates)`, unknown[0]);
  if (o.version !== undefined && o.version !== 1) return at('"version" must be 1', 'version');
  if (o.merge !== undefined) {
    if (!Array.isArray(o.merge) || o.merge.length > MAX_ITEMS) return at('"merge" must be a list of {"entities": [...], "name"?}', 'merge');
    for (const [i, m] of o.merge.entries()) {
      const item = m as { entities?: unknown; name?: unknown };
      if (!item || typeof item !== 'object' || !Array.isArray(item.entities) || item.entities.length < 2 || !item.entities.every(isString)) return at(`merge[${i}] needs "entities": a list of at least two entity ids`, 'merge', i, 'entities');
      if (item.name !== undefined && !isString(item.name)) return at(`merge[${i}].name must be a non-empty string`, 'merge', i, 'name');
    }
  }
  if (o.split !== undefined) {
    if (!Array.isArray(o.split) || o.split.length > MAX_ITEMS) return at('"split" must be a list of {"entity", "file"?}', 'split');
    for (const [i, sp] of o.split.entries()) {
      const item = sp as { entity?: unknown; file?: unknown };
      if (!item || typeof item !== 'object' || !isString(item.entity)) return at(`split[${i}] needs "entity": an entity id`, 'split', i, 'entity');
      if (item.file !== undefined && !isString(item.file)) return at(`split[${i}].file must be a path relative to the folder`, 'split', i, 'file');
    }
  }
  if (o.notEntity !== undefined) {
    if (!Array.isArray(o.notEntity) || o.notEntity.length > MAX_ITEMS) return at('"notEntity" must be a list of spellings or entity ids', 'notEntity');
    const bad = o.notEntity.findIndex((v) => !isString(v));
    if (bad >= 0) return at('"notEntity" must be a list of spellings or entity ids', 'notEntity', bad);
  }
  if (o.articleDates !== undefined) {
    if (!o.articleDates || typeof o.articleDates !== 'object' || Array.isArray(o.articleDates)) return at('"articleDates" must be an object of "path": "YYYY-MM-DD"', 'articleDates');
    for (const [file, date] of Object.entries(o.articleDates)) {
      if (typeof date !== 'string' || !isCalendarDate(date)) return at(`articleDates[${JSON.stringify(file)}] must be a date YYYY-MM-DD`, 'articleDates', file);
    }
  }
  return undefined;
}

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function normalise(o: Partial<Corrections>): Corrections {
  return {
    version: 1,
    merge: (o.merge ?? []).map((m) => ({ entities: [...new Set(m.entities)].sort(), ...(m.name ? { name: m.name } : {}) })),
    split: (o.split ?? []).map((s) => ({ entity: s.entity, ...(s.file ? { file: s.file.replace(/^\.?\//, '') } : {}) })),
    notEntity: [...new Set(o.notEntity ?? [])],
    articleDates: dateTable(Object.entries(o.articleDates ?? {}).map(([f, d]) => [f.replace(/^\.?\//, ''), d])),
  };
}

/**
 * Checks corrections made in memory (by an edit) against the same rules as the file, so a
 * change that the file's reader would refuse is refused before it is written.
 */
export function validateCorrections(corrections: Corrections): string | undefined {
  const text = serializeCorrections(corrections);
  if (text.length > MAX_CORRECTIONS_BYTES) return `${CORRECTIONS_FILE} would grow larger than ${MAX_CORRECTIONS_BYTES / 1e6} MB`;
  const problem = validate(JSON.parse(text));
  return problem ? `${CORRECTIONS_FILE} would not be valid: ${problem.message}` : undefined;
}

/**
 * Reads the edit a command was given (from any client, so anything at all) as a
 * CorrectionEdit, or says what is wrong with it.
 */
export function readCorrectionEdit(value: unknown): { edit: CorrectionEdit } | { problem: string } {
  const bad = (what: string) => ({ problem: `the correction is malformed: ${what}` });
  if (!value || typeof value !== 'object' || Array.isArray(value)) return bad('expected an object with a "kind"');
  const e = value as Record<string, unknown>;
  switch (e.kind) {
    case 'merge':
      if (!Array.isArray(e.entities) || e.entities.length < 2 || !e.entities.every(isString)) return bad('"entities" must list at least two entity ids');
      if (e.name !== undefined && !isString(e.name)) return bad('"name" must be a non-empty string');
      return { edit: { kind: 'merge', entities: e.entities as string[], ...(e.name !== undefined ? { name: e.name as string } : {}) } };
    case 'split':
      if (!isString(e.entity)) return bad('"entity" must be an entity id');
      if (e.file !== undefined && !isString(e.file)) return bad('"file" must be a path');
      return { edit: { kind: 'split', entity: e.entity, ...(e.file !== undefined ? { file: e.file as string } : {}) } };
    case 'notEntity':
      if (!isString(e.value)) return bad('"value" must be a spelling or an entity id');
      return { edit: { kind: 'notEntity', value: e.value } };
    case 'articleDate':
      if (!isString(e.file)) return bad('"file" must be a path');
      if (e.date !== null && (typeof e.date !== 'string' || !isCalendarDate(e.date))) return bad('"date" must be a date YYYY-MM-DD, or null to remove it');
      return { edit: { kind: 'articleDate', file: e.file, date: e.date as string | null } };
    default:
      return bad(`unknown kind ${JSON.stringify(e.kind)} (expected merge, split, notEntity or articleDate)`);
  }
}

/** One change a code action or command makes. */
export type CorrectionEdit =
  | { kind: 'merge'; entities: string[]; name?: string }
  | { kind: 'split'; entity: string; file?: string }
  | { kind: 'notEntity'; value: string }
  | { kind: 'articleDate'; file: string; date: string | null };

/** Applies one edit, returning new corrections (merge groups that share an id are joined). */
export function applyCorrectionEdit(current: Corrections, edit: CorrectionEdit): Corrections {
  const next: Corrections = JSON.parse(JSON.stringify(current)) as Corrections;
  next.articleDates = dateTable(Object.entries(current.articleDates));
  switch (edit.kind) {
    case 'merge': {
      const joined = new Set(edit.entities);
      let name = edit.name;
      next.merge = next.merge.filter((m) => {
        if (!m.entities.some((e) => joined.has(e))) return true;
        m.entities.forEach((e) => joined.add(e));
        name ??= m.name;
        return false;
      });
      // A merge undoes an earlier split of the same ids.
      next.split = next.split.filter((s) => !joined.has(s.entity) || s.file !== undefined);
      next.merge.push({ entities: [...joined].sort(), ...(name ? { name } : {}) });
      break;
    }
    case 'split':
      if (!next.split.some((s) => s.entity === edit.entity && s.file === edit.file)) next.split.push({ entity: edit.entity, ...(edit.file ? { file: edit.file } : {}) });
      next.merge = next.merge.map((m) => (edit.file ? m : { ...m, entities: m.entities.filter((e) => e !== edit.entity) })).filter((m) => m.entities.length >= 2);
      break;
    case 'notEntity':
      if (!next.notEntity.includes(edit.value)) next.notEntity.push(edit.value);
      break;
    case 'articleDate':
      if (edit.date === null) delete next.articleDates[edit.file];
      else next.articleDates[edit.file] = edit.date;
      break;
  }
  return next;
}

/** The file text: stable order and two-space indentation, so each change is a small diff. */
export function serializeCorrections(c: Corrections): string {
  const sorted: Corrections = {
    version: 1,
    merge: [...c.merge].sort((a, b) => a.entities[0].localeCompare(b.entities[0])),
    split: [...c.split].sort((a, b) => a.entity.localeCompare(b.entity) || (a.file ?? '').localeCompare(b.file ?? '')),
    notEntity: [...c.notEntity].sort((a, b) => a.localeCompare(b)),
    articleDates: Object.fromEntries(Object.entries(c.articleDates).sort(([a], [b]) => a.localeCompare(b))),
  };
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
