import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findFigures } from '../../server/src/analysis/figures';
import type { DateMention, FigureMention } from '../../server/src/analysis/types';

type Expected = Partial<Omit<FigureMention, 'kind' | 'start' | 'end'>> & { text: string };

/**
 * Checks the figures found in `article` against `expected`, in order: the span texts must
 * match exactly, and each listed field must equal the figure's field (unlisted fields are not
 * compared). Offsets are checked against the article text.
 */
function check(article: string, expected: Expected[], dates: DateMention[] = []): void {
  const found = findFigures(article, dates);
  for (const f of found) assert.equal(article.slice(f.start, f.end), f.text, `offsets of ${f.text}`);
  assert.deepEqual(
    found.map((f) => f.text),
    expected.map((e) => e.text),
    `figure spans in: ${article}`,
  );
  expected.forEach((e, i) => {
    const f = found[i] as unknown as Record<string, unknown>;
    for (const [key, want] of Object.entries(e)) assert.deepEqual(f[key], want, `${key} of "${e.text}"`);
  });
}

describe('findFigures: numbers in digits and words', () => {
  it('reads grouped digits, decimals and scale words', () => {
    check('Officials said 127,000 troops and 1.5 million civilians were moved.', [
      { text: '127,000', value: 127000, type: 'QUANTITY', counted: 'troops', measure: 'troops' },
      { text: '1.5 million', value: 1.5e6, counted: 'civilians', measure: 'civilians' },
    ]);
  });
  it('reads thousands grouped by no-break or thin spaces', () => {
    check('The city has 127\u00a0000 residents and 2\u202f500\u202f000 trees.', [
      { text: '127\u00a0000', value: 127000, counted: 'residents' },
      { text: '2\u202f500\u202f000', value: 2.5e6, counted: 'trees' },
    ]);
  });
  it('reads numbers written in words', () => {
    check('The town sent ten buses, two dozen nurses and a million meals.', [
      { text: 'ten', value: 10, counted: 'buses' },
      { text: 'two dozen', value: 24, counted: 'nurses' },
      { text: 'a million', value: 1e6, counted: 'meals' },
    ]);
    check('About three hundred and twenty families and twenty-five reporters came.', [
      { text: 'three hundred and twenty', value: 320, approx: 'about', counted: 'families' },
      { text: 'twenty-five', value: 25, counted: 'reporters' },
    ]);
  });
  it('reads vague counts with their noun after "of"', () => {
    check('Thousands of workers and hundreds of thousands of refugees left.', [
      { text: 'Thousands', value: null, counted: 'workers' },
      { text: 'hundreds of thousands', value: null, counted: 'refugees' },
    ]);
  });
  it('counts nothing with a vague count that is the subject of a verb: "Thousands march", "Dozens flee"', () => {
    // Sample headlines written for this test: a plural subject takes the verb's plain form, which
    // is no plural noun ("marches" was the measure).
    check('Thousands march in Brannock as ferry strike spreads', [{ text: 'Thousands', value: null, counted: undefined, measure: 'number' }]);
    check('Dozens flee the port; hundreds protest outside the board.', [
      { text: 'Dozens', value: null, counted: undefined },
      { text: 'hundreds', value: null, counted: undefined },
    ]);
    // A plural noun, or an uncountable one, is still what is counted.
    check('Hundreds walked out; thousands police the streets.', [
      { text: 'Hundreds', value: null, counted: undefined },
      { text: 'thousands', value: null, counted: 'police' },
    ]);
    check('Dozens workers walked out.', [{ text: 'Dozens', value: null, counted: 'workers' }]);
    // A count of mornings or afternoons is a stretch of time, which the dates stage owns.
    check('Pay fell fifteen points in one afternoon and two mornings; 300 dockers voted.', [
      { text: 'fifteen', value: 15, counted: 'points' },
      { text: '300', value: 300, counted: 'dockers' },
    ]);
  });
  it('reads the noun after coordinated modifiers: "21,000 air and sea personnel"', () => {
    check('The port added 2,100 air and sea personnel, 12 red and white tugs and 40 cranes and trucks.', [
      { text: '2,100', value: 2100, counted: 'personnel' },
      { text: '12', value: 12, counted: 'tugs' },
      { text: '40', value: 40, counted: 'cranes and trucks' },
    ]);
    // With no plural after it, the modifier stays what the figure counts no more than before.
    check('Ships waited 3 days; 300 dock and port workers struck.', [{ text: '300', value: 300, counted: 'workers' }]);
  });
  it('reads vague counts with a scale word', () => {
    check('A rally of several thousand scientists and a few hundred guards.', [
      { text: 'several thousand', value: null, counted: 'scientists' },
      { text: 'a few hundred', value: null, counted: 'guards' },
    ]);
  });
  it('reads a count that starts a sentence after a name', () => {
    check('Most victims were Kenyans. Twelve Americans died. Eleven were hurt.', [
      { text: 'Twelve', counted: 'americans' },
      { text: 'Eleven' },
    ]);
  });
  it('reads a share written as a fraction', () => {
    check('One-third of voters and two-thirds of members agreed.', [
      { text: 'One-third', value: 1 / 3, counted: 'voters' },
      { text: 'two-thirds', value: 2 / 3, counted: 'members' },
    ]);
    check('It will close 40 stores, or about a quarter, of its outlets.', [
      { text: '40', counted: 'stores' },
      { text: 'a quarter', value: 0.25, approx: 'about' },
    ]);
  });
});

describe('findFigures: money', () => {
  it('reads currency signs, codes and scale abbreviations', () => {
    check('The plan costs $5bn, the bank lent €300m and the fund holds £2.4 billion.', [
      { text: '$5bn', type: 'MONEY', value: 5e9, unit: 'USD', measure: 'money:USD' },
      { text: '€300m', type: 'MONEY', value: 3e8, unit: 'EUR', measure: 'money:EUR' },
      { text: '£2.4 billion', type: 'MONEY', value: 2.4e9, unit: 'GBP', measure: 'money:GBP' },
    ]);
    check('Tickets cost US$40 or AU$ 52.5 million in total, and 500 RUB at the door.', [
      { text: 'US$40', value: 40, unit: 'USD' },
      { text: 'AU$ 52.5 million', value: 52.5e6, unit: 'AUD' },
      { text: '500 RUB', value: 500, unit: 'RUB', type: 'MONEY' },
    ]);
  });
  it('reads currency words after the number', () => {
    check('They pledged 5 billion dollars, over 9 billion euros and 26 cents a share.', [
      { text: '5 billion dollars', type: 'MONEY', value: 5e9, unit: 'USD' },
      { text: '9 billion euros', value: 9e9, unit: 'EUR', approx: 'over' },
      { text: '26 cents', value: 0.26, unit: 'USD' },
    ]);
    check('The studio charges around $9.99 US dollars; the deal adds billions of dollars.', [
      { text: '$9.99 US dollars', value: 9.99, unit: 'USD', approx: 'around' },
      { text: 'billions of dollars', type: 'MONEY', value: null, unit: 'USD' },
    ]);
  });
  it('reads a currency sign written after the number', () => {
    check('Tickets cost 300 € or 25£.', [
      { text: '300 €', type: 'MONEY', value: 300, unit: 'EUR' },
      { text: '25£', unit: 'GBP' },
    ]);
  });
  it('reads older and wire-service currencies', () => {
    check('A ransom of dlrs 1 million, 20,000 marks and 2.46 billion guilders.', [
      { text: 'dlrs 1 million', value: 1e6, unit: 'USD' },
      { text: '20,000 marks', unit: 'DEM', measure: 'money:DEM' },
      { text: '2.46 billion guilders', value: 2.46e9, unit: 'NLG' },
    ]);
  });
  it('reads South Asian scales', () => {
    check('The state set aside Rs 500 crore and 2 lakh rupees.', [
      { text: 'Rs 500 crore', value: 5e9, unit: 'INR' },
      { text: '2 lakh rupees', value: 2e5, unit: 'INR' },
    ]);
  });
  it('reads a scale joined by a hyphen', () => {
    check('Congress passed a $1.5-trillion plan.', [{ text: '$1.5-trillion', value: 1.5e12, unit: 'USD' }]);
  });
  it('reads money ranges with one scale word', () => {
    check('The repairs will cost $5-6 billion.', [{ text: '$5-6 billion', value: 5e9, high: 6e9, unit: 'USD' }]);
  });
});

describe('findFigures: percentages', () => {
  it('reads %, per cent and percent', () => {
    check('Sales fell 40%, then 40 per cent, then 40 percent, then six percent.', [
      { text: '40%', type: 'PERCENT', value: 40, unit: '%', measure: 'percent' },
      { text: '40 per cent', type: 'PERCENT', value: 40, unit: '%' },
      { text: '40 percent', type: 'PERCENT', value: 40, unit: '%' },
      { text: 'six percent', type: 'PERCENT', value: 6 },
    ]);
  });
  it('names the share when the text says what it is of', () => {
    check('The army retook 30% of the territory.', [{ text: '30%', measure: 'percent:territory' }]);
  });
  it('reads a percentage range', () => {
    check('Cuts make up 20 to 25 percent of the staff.', [{ text: '20 to 25 percent', value: 20, high: 25, type: 'PERCENT' }]);
  });
});

describe('findFigures: ranges and approximators', () => {
  it('reads dash, "to" and "between ... and" ranges', () => {
    check('Between 10 and 15 boats sank; 15-20 crew swam ashore.', [
      { text: '10 and 15', value: 10, high: 15, approx: 'between', counted: 'boats' },
      { text: '15-20', value: 15, high: 20, counted: 'crew' },
    ]);
  });
  it('keeps the approximator out of the span and in approx', () => {
    check(
      'Nearly 50 homes, over 60 cars, about 70 shops, at least 80 schools, more than 90 farms, up to 100 wells, almost 110 roads, some 120 bridges, roughly 130 clinics and around 140 mosques were hit.',
      [
        { text: '50', approx: 'nearly', counted: 'homes' },
        { text: '60', approx: 'over' },
        { text: '70', approx: 'about' },
        { text: '80', approx: 'at least' },
        { text: '90', approx: 'more than' },
        { text: '100', approx: 'up to' },
        { text: '110', approx: 'almost' },
        { text: '120', approx: 'some' },
        { text: '130', approx: 'roughly' },
        { text: '140', approx: 'around', counted: 'mosques' },
      ],
    );
    check('As many as 30 died, no more than 4 fled, just over 12 stayed and in excess of $5m was spent.', [
      { text: '30', approx: 'as many as' },
      { text: '4', approx: 'no more than' },
      { text: '12', approx: 'just over' },
      { text: '$5m', approx: 'in excess of' },
    ]);
    check('The game was over. 5 fans left; the talks led to 6 deals.', [
      { text: '5', approx: undefined },
      { text: '6', approx: undefined },
    ]);
  });
});

describe('findFigures: counted nouns and measures', () => {
  it('takes the head noun, not its modifiers', () => {
    check('Some 5,000 Russian troops and 12 expelled diplomats crossed.', [
      { text: '5,000', counted: 'troops', measure: 'troops' },
      { text: '12', counted: 'diplomats' },
    ]);
  });
  it('reads past dotted abbreviations to the noun', () => {
    check('There are 38,000 U.S. troops in the region.', [{ text: '38,000', counted: 'troops' }]);
  });
  it('keeps coordinated plurals together', () => {
    check('The list adds 13 entities and individuals.', [{ text: '13', counted: 'entities and individuals' }]);
  });
  it('groups singular and plural counts under one plural measure', () => {
    check('One strike hit a depot and five strikes hit bridges.', [
      { text: 'One', counted: 'strike', measure: 'strikes' },
      { text: 'five', counted: 'strikes', measure: 'strikes' },
    ]);
  });
  it('reads units of measure into the span', () => {
    check('Forces advanced to within 7.5 kilometers of the dam and took 700 square miles; the 2GB model has a 3.5-inch screen.', [
      { text: '7.5 kilometers', unit: 'km', measure: 'km' },
      { text: '700 square miles', unit: 'sq miles' },
      { text: '2GB', unit: 'GB' },
      { text: '3.5-inch', unit: 'inches' },
    ]);
    check('It sold 1.2m units and 50k phones, ran a 100m race and hit 40C.', [
      { text: '1.2m', value: 1.2e6, counted: 'units' },
      { text: '50k', value: 5e4, counted: 'phones' },
      { text: '100m', unit: 'm' },
      { text: '40C', unit: '°C' },
    ]);
    check('A 480-nautical-mile corridor ends at 200 W. Main Blvd. near a 60W lamp.', [
      { text: '480-nautical-mile', unit: 'nautical miles' },
      { text: '60W', unit: 'W' },
    ]);
  });
  it('does not take names, adjectives or verbs as the counted noun', () => {
    check('Hundreds dead as Tunisia lose 1-2 to England; one strike engaged a unit; traffic rose 18-fold.', [
      { text: 'Hundreds', counted: undefined, measure: 'number' },
      { text: '1-2', value: 1, high: 2, counted: undefined },
      { text: 'one', counted: 'strike', measure: 'strikes' },
      { text: '18-fold', value: 18, measure: 'times' },
    ]);
    check('Holders get one new preferred share.', [{ text: 'one', counted: 'share', measure: 'shares' }]);
    check('A 1,000-strong force and 40-odd boats left.', [
      { text: '1,000-strong', value: 1000, counted: 'force', measure: 'forces' },
      { text: '40-odd', value: 40, approx: 'about', counted: 'boats' },
    ]);
  });
  it('reads dimensions and counts of occasions', () => {
    check('Video plays at 320x240; the gas was used at least once and more than twice.', [
      { text: '320x240', value: 320, measure: 'dimensions' },
      { text: 'once', value: 1, approx: 'at least', measure: 'times' },
      { text: 'twice', value: 2, approx: 'more than' },
    ]);
    check('Once again, twice as fast.', []);
  });
  it('marks ages', () => {
    check('Mary Lane, 51, will lead; her deputy, aged 44, stays.', [
      { text: '51', measure: 'age' },
      { text: '44', measure: 'age' },
    ]);
  });
});

describe('findFigures: what is not a figure', () => {
  it('skips years, dates and day numbers', () => {
    check('On March 3, 2021 and on 4 June 1999, in 2009, the 1990s and 3-5 May, 40 jobs went.', [{ text: '40' }]);
  });
  it('skips what the dates stage found', () => {
    const article = 'Talks lasted two days and 300 people came.';
    const dates: DateMention[] = [
      { kind: 'date', type: 'DURATION', start: 13, end: 21, text: 'two days', value: 'P2D', relative: false, reading: 'duration' },
    ];
    check(article, [{ text: '300' }], dates);
  });
  it('skips durations, times and phone numbers', () => {
    check('It took six months, then 20 more years. We met at 3pm and 10:30 and 9 a.m. and 7 p. m.; call +1 202 555 0143, (202) 555-0143 or 202-555-0143.', []);
  });
  it('skips ordinals, codes, versions, URLs and list markers', () => {
    check('The 3rd and 21st units, F-16 jets, COVID-19, the G7, version 2.4.1, https://example.org/page/42 and mail to a1@example.org.', []);
    check('1. First point\n2) Second point\nNo. 1 seller, Article 5 and iPhone 4 owners.', []);
  });
  it('skips pronoun "one" and number words inside names', () => {
    check('No one came; one of them left; Air Force One landed; one-off talks.', []);
  });
  it('skips spoken years, street addresses and decimals without a zero', () => {
    check('In nineteen ninety-seven they met at 469 Vermont St. and hit .526 that season.', []);
  });
  it('skips numbers that label things, and the numbers listed after them', () => {
    check('Shells fell near posts 542 and 543, and CTF 50 sailed; Resolutions 2254 and 2118 apply.', []);
  });
  it('skips a lone pronoun "one" but keeps "one" that counts', () => {
    check('The old flag beat the new one; at least one shell landed.', [{ text: 'one', approx: 'at least', counted: 'shell' }]);
  });
  it('is not an ordinal: "first", "second" are not numbers', () => {
    check('The first and second rounds.', []);
  });
});

describe('findFigures: odd input', () => {
  it('never throws and keeps offsets right', () => {
    const inputs = [
      '',
      '\uFEFF$5 million\r\nup 4%\r\n',
      'a\uD800 5 troops \uDC00',
      '5'.repeat(100000),
      ('1,' + '000,'.repeat(20000)) + '000',
      'Москва: 300 человек, 20% и 5 млн рублей.',
      '$'.repeat(5000) + '5',
      ' - '.repeat(5000) + '5 - 6 - 7',
      // Shapes that would make a badly written regex backtrack; each must stay linear.
      '1-'.repeat(25000),
      '1 , '.repeat(12000),
      'between 1 and '.repeat(3000),
      'thousands of '.repeat(3000),
      'twenty-'.repeat(7000),
      '(202) '.repeat(8000),
      '+1 '.repeat(15000),
      '5\u00a0'.repeat(20000),
      'square '.repeat(7000) + '5 square miles',
      '5' + ' Main'.repeat(10000),
      'http://' + 'a/'.repeat(20000) + '5',
      'It cost 5 USD 6 EUR and 7 GBP.',
    ];
    const started = Date.now();
    for (const input of inputs) {
      const found = findFigures(input, []);
      let lastEnd = 0;
      for (const f of found) {
        assert.equal(input.slice(f.start, f.end), f.text);
        assert.ok(f.start >= lastEnd && f.end > f.start, 'figures are ordered and do not overlap');
        lastEnd = f.end;
      }
    }
    // About 1.5 MB of odd input: linear readers take well under a second even on a busy machine.
    assert.ok(Date.now() - started < 5000, `odd input took ${Date.now() - started} ms`);
    check('\uFEFF$5 million\r\nup 4%\r\n', [{ text: '$5 million' }, { text: '4%' }]);
    assert.equal(findFigures('9'.repeat(400) + ' troops', [])[0].value, null, 'an unreadably long number has no value');
    check('В городе 300 жителей.', [{ text: '300', counted: 'жителей', measure: 'жителей' }]);
  });
});
