import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis/analyzeArticle';
import { Corpus } from '../../server/src/corpus/corpus';
import { NOT_CANCELLED as T } from '../../server/src/corpus/queries';

// Sample articles written for this test.
const DATELINED = [
  'Ferry strike spreads to the north',
  '',
  'BRANNOCK, May 3 (Sample Wire) - Ferry crews in Brannock stopped work on Tuesday, said Ilse Moravec of the Brannock Harbour Board (BHB).',
].join('\n');
const DATELINED_AGAIN = [
  'Ferry talks open',
  '',
  'BRANNOCK, May 5 (Sample Wire) - Talks opened in Brannock on Thursday, the BHB said.',
].join('\n');

function corpusOf(...texts: string[]): Corpus {
  const corpus = new Corpus();
  texts.forEach((text, i) => corpus.setArticle(`file:///c/${i}.txt`, corpus.pack(text, analyzeArticle(text))));
  return corpus;
}

/** The name the hover, the outline and the views give the entity of the first mention written so, checked to agree. */
function nameOf(corpus: Corpus, spelling: string): string | undefined {
  for (const uri of ['file:///c/0.txt', 'file:///c/1.txt']) {
    const hit = corpus.mentionsIn(uri, T).find((m) => m.mention.text === spelling);
    if (!hit) continue;
    assert.equal(corpus.summaryOf(hit.id, T)?.canonical, hit.name, 'the summary and the outline say the same name');
    return hit.name;
  }
  return undefined;
}

describe("An entity's name", () => {
  it('is written as the articles write it, not as a dateline shouts it, however often the dateline comes first', () => {
    const corpus = corpusOf(DATELINED, DATELINED_AGAIN);
    assert.equal(nameOf(corpus, 'BRANNOCK'), 'Brannock');
    assert.equal(nameOf(corpus, 'Brannock'), 'Brannock');
    // Where capitals are how a name is written, they stay.
    assert.equal(nameOf(corpus, 'BHB'), 'Brannock Harbour Board');
  });

  it('stays in capitals when the corpus never writes it otherwise', () => {
    const corpus = corpusOf(['Ferry strike', '', 'BRANNOCK, May 3 (Sample Wire) - Ferry crews stopped work on Tuesday.'].join('\n'));
    assert.equal(nameOf(corpus, 'BRANNOCK'), 'BRANNOCK');
  });
});
