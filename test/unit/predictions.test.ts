import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/analysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { toPredictionSpans } from '../../server/src/cli/predictions';

/** The prediction spans of one article indexed alone, with the text each covers. */
function predict(text: string): Array<{ text: string; type: string; cluster: string | null }> {
  const corpus = new Corpus();
  corpus.setArticle('doc:1', corpus.pack(text, analyzeArticle(text, {})));
  return toPredictionSpans(corpus, 'doc:1').map((s) => ({ text: text.slice(s.start, s.end), type: s.type, cluster: s.cluster }));
}

test('a demonym is predicted as MISC with its place entity id, not as a name', () => {
  const spans = predict('Talks resume\nNorwegian diplomats met in Oslo on Monday. Norway said the talks went well.');
  const demonym = spans.find((s) => s.text === 'Norwegian');
  const place = spans.find((s) => s.text === 'Norway');
  assert.equal(demonym?.type, 'MISC');
  assert.equal(place?.type, 'LOC');
  assert.equal(demonym?.cluster, place?.cluster);
});
