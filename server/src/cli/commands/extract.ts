import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { analyzeArticle } from '../engine';
import { Corpus } from '../../corpus/corpus';
import { EXIT, UsageError, type Command } from '../command';
import { toPredictionSpans } from '../predictions';

/** corpus-lens extract: the evaluation corpora's JSONL in, predictions out. */
export const extractCommand: Command = {
  name: 'extract',
  summary: 'read {id, text, docDate} JSON lines, write the predicted spans as JSON lines',
  usage: 'extract --from-jsonl FILE|- [--markdown]',
  description:
    'Each input line is a document; docDate (YYYY-MM-DD) is its article date. Each output line is\n' +
    '{id, spans: [{start, end, type, norm, cluster}]}: names (PERSON, ORG, LOC, MISC for demonyms),\n' +
    'dates (TIMEX3 type, value in norm) and figures; cluster is the entity id, linked across documents.\n' +
    'FILE - reads standard input, e.g.  cat docs.jsonl | corpus-lens extract --from-jsonl -',
  options: {
    'from-jsonl': { type: 'string', value: 'FILE', help: 'the input, one JSON document per line (- is standard input)' },
    markdown: { type: 'boolean', help: 'the texts are Markdown: its syntax and front matter are not read as text' },
  },
  positionals: { min: 0, max: 0, name: '' },
  async run(args, { io, progress }) {
    const file = args.values['from-jsonl'] as string | undefined;
    if (!file) throw new UsageError('--from-jsonl FILE is required (- reads standard input)');
    let input: Readable;
    let size = 0;
    if (file === '-') {
      if (!io.stdin) throw new UsageError('no standard input to read');
      input = io.stdin;
    } else {
      const found = await stat(file).catch(() => undefined);
      if (!found?.isFile()) {
        io.err(`corpus-lens extract: cannot read ${file}: no such file\n`);
        return EXIT.failed;
      }
      size = found.size;
      input = createReadStream(file, 'utf8');
    }
    const markdown = args.values.markdown === true;
    const bar = progress('Reading');
    const corpus = new Corpus();
    const ids: string[] = [];
    const lines = createInterface({ input, crlfDelay: Infinity });
    let lineNumber = 0;
    let bad = 0;
    let bytes = 0;
    const where = file === '-' ? 'stdin' : file;
    for await (const line of lines) {
      lineNumber++;
      bytes += Buffer.byteLength(line) + 1;
      bar.update(size ? Math.min(bytes, size) : lineNumber, size);
      if (!line.trim()) continue;
      let doc: { id?: unknown; text?: unknown; docDate?: unknown };
      try {
        doc = JSON.parse(line);
      } catch {
        io.err(`${where}:${lineNumber}: not JSON, skipped\n`);
        bad++;
        continue;
      }
      if (!doc || (typeof doc.id !== 'string' && typeof doc.id !== 'number')) {
        io.err(`${where}:${lineNumber}: no id, skipped\n`);
        bad++;
        continue;
      }
      const id = String(doc.id);
      const text = typeof doc.text === 'string' ? doc.text : '';
      const docDate = typeof doc.docDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(doc.docDate) ? doc.docDate : undefined;
      corpus.setArticle(`doc:${id}`, corpus.pack(text, analyzeArticle(text, { articleDate: docDate, markdown })));
      ids.push(id);
    }
    bar.finish();
    // Entity ids are assigned once every document is in, so "Putin" can join "Vladimir Putin".
    for (const id of ids) {
      io.out(`${JSON.stringify({ id, spans: toPredictionSpans(corpus, `doc:${id}`) })}\n`);
    }
    return bad > 0 && ids.length === 0 ? EXIT.failed : EXIT.ok;
  },
};
