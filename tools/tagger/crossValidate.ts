/**
 * Cross-validation by dataset for the whole names stage (rules + tagger, keys, the corpus), scored
 * by ../shared/eval/score.mjs exactly as `npm run eval` scores the CLI's output: for each dev set
 * that the tagger may learn from (MEANTIME, GUM news, re3d), a model is trained without it and the
 * set is scored; CoNLL-2003 testa is never trained on, so every model's score on it is left-out.
 *
 *   node out/tools/tagger/crossValidate.js [--folds meantime,gum_news,re3d] [--rules-only] [--json]
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle } from '../../server/src/analysis';
import { findNames } from '../../server/src/analysis/names';
import { PhraseIndex, buildListPhrases } from '../../server/src/analysis/tagger/phrases';
import { makeTagger, type Tagger } from '../../server/src/analysis/tagger/tagger';
import { toPredictionSpans } from '../../server/src/cli/predictions';
import { Corpus } from '../../server/src/corpus/corpus';
import { loadTrainingDocs } from './data';
import { DEFAULT_OPTIONS, trainingSet } from './recipe';
import { trainModel } from './train';

export const DEV_FILES = ['conll2003-testa', 'meantime-apple+meantime-gm', 'gum-news-train', 're3d-dev'];
/** The training dataset each dev file belongs to. */
export const DEV_DATASET: Record<string, string | undefined> = {
  'meantime-apple': 'meantime', 'meantime-gm': 'meantime', 'meantime-apple+meantime-gm': 'meantime', 'gum-news-train': 'gum_news', 're3d-dev': 're3d',
};

export interface Scores {
  exact: number;
  relaxed: number;
  org?: number;
  coref?: number;
}

type ScoreFn = (gold: unknown[], pred: unknown[], opts: { goldFile: string }) => unknown;

/** Loads the scorer (an ES module) from ../shared/eval. */
export async function loadScorer(shared: string): Promise<ScoreFn> {
  const mod = (await new Function('p', 'return import(p)')(pathToFileURL(path.join(shared, 'eval', 'score.mjs')).href)) as { score: ScoreFn };
  return mod.score;
}

interface GoldDoc {
  id: string;
  text: string;
  docDate?: string | null;
}

/**
 * Runs the names stage with `tagger` on every document of the dev files (`a+b` scores two files
 * together, each through its own corpus, as `npm run eval` does), and scores them.
 */
export function scoreFile(shared: string, files: string, tagger: Tagger | null, score: ScoreFn, trustGuesses?: number): Scores {
  const gold: GoldDoc[] = [];
  const pred: Array<{ id: string; spans: unknown[] }> = [];
  for (const file of files.split('+')) {
    const docs = readFileSync(path.join(shared, 'eval', 'dev', `${file}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldDoc);
    const corpus = new Corpus();
    for (const d of docs) {
      const docDate = typeof d.docDate === 'string' ? d.docDate : undefined;
      const analysis = analyzeArticle(d.text, { articleDate: docDate });
      analysis.entities = findNames(d.text, { tagger, trustGuesses, consistency: process.env.CONSISTENCY !== '0' });
      corpus.setArticle(`doc:${d.id}`, corpus.pack(d.text, analysis));
    }
    gold.push(...docs);
    pred.push(...docs.map((d) => ({ id: d.id, spans: toPredictionSpans(corpus, `doc:${d.id}`) })));
  }
  const r = score(gold, pred, { goldFile: `${files.split('+')[0]}.jsonl` }) as unknown as {
    ner: { exact: { F1: number; perType: Record<string, { F1: number }> }; relaxed: { F1: number } };
    coref?: { b3?: { F1: number } };
  };
  return { exact: r.ner.exact.F1, relaxed: r.ner.relaxed.F1, org: r.ner.exact.perType.ORG?.F1, coref: r.coref?.b3?.F1 };
}

async function main(): Promise<void> {
  const shared = path.resolve(__dirname, '..', '..', '..', '..', 'shared');
  const args = process.argv.slice(2);
  const folds = (args.includes('--folds') ? args[args.indexOf('--folds') + 1] : 'none,meantime,gum_news,re3d').split(',');
  const score = await loadScorer(shared);
  const index = new PhraseIndex();
  buildListPhrases(index);
  const rows: string[] = [];
  const trusts: Array<number | undefined> = args.includes('--trust') ? args[args.indexOf('--trust') + 1].split(',').map(Number) : [undefined];
  const show = (label: string, tagger: Tagger | null, leftOut: string, trust?: number): void => {
    const cells = DEV_FILES.map((f) => {
      const s = scoreFile(shared, f, tagger, score, trust);
      const trained = tagger && DEV_DATASET[f] && DEV_DATASET[f] !== leftOut ? '*' : ' ';
      return `${s.exact.toFixed(3)}${trained}(${s.relaxed.toFixed(3)})${f.startsWith('conll') ? ` org ${s.org?.toFixed(3)}` : s.coref === undefined ? '' : ` b3 ${s.coref.toFixed(3)}`}`;
    });
    rows.push(`${label.padEnd(18)} ${cells.map((c) => c.padEnd(28)).join(' ')}`);
    console.log(rows[rows.length - 1]);
  };
  console.log(`${''.padEnd(18)} ${DEV_FILES.map((f) => f.padEnd(28)).join(' ')}`);
  show('rules alone', null, '');
  if (args.includes('--rules-only')) return;
  const docs = loadTrainingDocs(shared);
  const options = { ...DEFAULT_OPTIONS };
  if (args.includes('--weights')) options.weights = Object.fromEntries(args[args.indexOf('--weights') + 1].split(',').map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])]));
  if (args.includes('--bits')) options.bucketBits = Number(args[args.indexOf('--bits') + 1]);
  if (args.includes('--epochs')) options.epochs = Number(args[args.indexOf('--epochs') + 1]);
  for (const fold of folds) {
    const { model } = trainModel(trainingSet(docs.filter((d) => d.dataset !== fold)), index, options);
    const tagger = makeTagger(model, index);
    for (const trust of trusts) show(`without ${fold} ${trust ?? ''}`, tagger, fold, trust);
  }
  console.log('names exact F1, * = the file was in the training data of that row (a fit, not a score); (relaxed F1); org = organizations exact F1; b3 = cross-document B-cubed F1');
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
