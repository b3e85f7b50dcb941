import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findNames } from '../../server/src/analysis/names';
import type { EntityMention } from '../../server/src/analysis/types';

/**
 * One expected mention: `text` is the span as written; the other fields, when given, must
 * match. `nth` picks the nth occurrence of `text` in the article (default 0).
 */
interface Expected {
  text: string;
  kind?: EntityMention['kind'];
  key?: string;
  role?: string;
  surname?: string;
  fullName?: boolean;
  demonym?: boolean;
  nth?: number;
}

/**
 * Runs findNames on `article`; every expected mention must be found with exactly that span,
 * and every word in `absent` must not start or be inside any name mention.
 */
function check(article: string, expected: Expected[], absent: string[] = []): void {
  const found = findNames(article);
  for (const e of expected) {
    let at = -1;
    for (let n = 0; n <= (e.nth ?? 0); n++) at = article.indexOf(e.text, at + 1);
    assert.ok(at >= 0, `fixture does not contain ${e.text}`);
    const m = found.find((f) => f.start === at && f.end === at + e.text.length);
    assert.ok(m, `no mention "${e.text}" at ${at}; found ${found.map((f) => `"${f.text}"@${f.start}:${f.kind}`).join(', ')}`);
    for (const field of ['kind', 'key', 'role', 'surname', 'fullName', 'demonym'] as const) {
      if (e[field] !== undefined) assert.equal(m[field], e[field], `${field} of "${e.text}"`);
    }
  }
  for (const word of absent) {
    const hits = found.filter((f) => !f.demonym && f.text.split(/\s+/).includes(word));
    assert.deepEqual(hits.map((h) => h.text), [], `"${word}" should not be in a name`);
  }
}

test('honorifics and titles become the role, not part of the span', () => {
  check(
    'Talks resume in Geneva\nMr Dalgaard met Dr. Okonkwo on Monday. Prime Minister Kaja Lindqvist and Secretary of State Antony Blinken spoke, while CIA Director William Burns and Defence Minister Oleksii Reznikov listened. President Lindqvist later left.',
    [
      { text: 'Dalgaard', kind: 'person', role: 'Mr', key: 'person:~dalgaard', fullName: false },
      { text: 'Okonkwo', kind: 'person', role: 'Dr.' },
      { text: 'Kaja Lindqvist', kind: 'person', role: 'Prime Minister', key: 'person:kaja lindqvist', fullName: true, surname: 'lindqvist' },
      { text: 'Antony Blinken', role: 'Secretary of State', key: 'person:antony blinken' },
      { text: 'William Burns', role: 'CIA Director' },
      { text: 'CIA', kind: 'org', key: 'org:central intelligence agency' },
      { text: 'Oleksii Reznikov', role: 'Defence Minister' },
      { text: 'Lindqvist', nth: 1, kind: 'person', role: 'President', key: 'person:kaja lindqvist', fullName: false },
    ],
    ['President', 'Minister', 'Mr'],
  );
});

test('roles of people in talks are titles too', () => {
  check('Port talks\nThe talks were led by Mediator Agnes Whitlow and Negotiator Tomas Brack.', [
    { text: 'Agnes Whitlow', kind: 'person', role: 'Mediator', key: 'person:agnes whitlow' },
    { text: 'Tomas Brack', kind: 'person', role: 'Negotiator' },
  ]);
});

test('possessives, straight or curly, stay out of the span', () => {
  check(
    'Markets wobble\nInvestors weighed Biden\'s remarks and Trump’s reply, and Germany’s answer came later from Olaf Scholz.',
    [
      { text: 'Biden', kind: 'person', key: 'person:~biden' },
      { text: 'Trump', kind: 'person' },
      { text: 'Germany', kind: 'place', key: 'place:germany' },
      { text: 'Olaf Scholz', kind: 'person', fullName: true },
    ],
  );
});

test('title-case and all-caps headlines do not invent names', () => {
  check(
    'Biden Administration To Exert Pressure on Russia\nWASHINGTON — The White House said on Tuesday that Joe Biden would speak to allies.',
    [
      { text: 'Biden', kind: 'person', key: 'person:joe biden' },
      { text: 'Russia', kind: 'place', key: 'place:russia' },
      { text: 'WASHINGTON', kind: 'place' },
    ],
    ['Administration', 'Exert', 'Pressure', 'To'],
  );
  check('FLOODS HIT NORTHERN ITALY AS RIVERS RISE\nRains continued in Italy on Sunday.', [{ text: 'ITALY', kind: 'place', key: 'place:italy' }], ['FLOODS', 'RIVERS', 'HIT']);
});

test('sentence-initial capitals are not names', () => {
  check(
    'Fire in the old town\nPolice said the fire started at night. Officials from the city council met. However, residents stayed. Meanwhile Anneliese Brandt, a baker, lost her shop.',
    [{ text: 'Anneliese Brandt', kind: 'person' }],
    ['Police', 'Officials', 'However', 'Meanwhile'],
  );
});

test('lists of places are separate places', () => {
  check('Leaders meet\nTroops were sent to Ukraine, Lithuania, Latvia and Poland last year.', [
    { text: 'Ukraine', kind: 'place' },
    { text: 'Lithuania', kind: 'place' },
    { text: 'Latvia', kind: 'place' },
    { text: 'Poland', kind: 'place' },
  ]);
});

test('organizations by shape, outlets and acronyms', () => {
  check(
    'Sanctions widen\nThe Department of State and the Russian Defense Ministry traded notes, the Russian Embassy said. Officials at the Office of the Director of National Intelligence, Halvorsen University, the Green Valley Party and Quorvex Inc told CNN, The Hill, AFP, Reuters and CBS News that NATO, the EU and the UN were informed.',
    [
      { text: 'Department of State', kind: 'org', key: 'org:department of state' },
      { text: 'Russian Defense Ministry', kind: 'org' },
      { text: 'Russian Embassy', kind: 'org' },
      { text: 'Office of the Director of National Intelligence', kind: 'org' },
      { text: 'Halvorsen University', kind: 'org' },
      { text: 'Green Valley Party', kind: 'org' },
      { text: 'Quorvex Inc', kind: 'org' },
      { text: 'CNN', kind: 'org' },
      { text: 'The Hill', kind: 'org' },
      { text: 'AFP', kind: 'org' },
      { text: 'Reuters', kind: 'org' },
      { text: 'CBS News', kind: 'org' },
      { text: 'NATO', kind: 'org', key: 'org:north atlantic treaty organization' },
      { text: 'EU', kind: 'org', key: 'org:european union' },
      { text: 'UN', kind: 'org', key: 'org:united nations' },
    ],
  );
});

test('demonyms are places marked demonym, keyed to their country', () => {
  check('Border talks\nRussian and Ukrainian negotiators met an American envoy.', [
    { text: 'Russian', kind: 'place', demonym: true, key: 'place:russia' },
    { text: 'Ukrainian', demonym: true, key: 'place:ukraine' },
    { text: 'American', demonym: true, key: 'place:united states' },
  ]);
});

test('place aliases fold to one key', () => {
  check(
    'Trade row\nThe US and U.S. troops disagree; the United States of America, America and the USA are one country. Britain, the UK and the United Kingdom are another.',
    [
      { text: 'US', key: 'place:united states' },
      { text: 'U.S.', key: 'place:united states' },
      { text: 'United States of America', key: 'place:united states' },
      { text: 'America', nth: 1, key: 'place:united states' },
      { text: 'USA', key: 'place:united states' },
      { text: 'Britain', key: 'place:united kingdom' },
      { text: 'UK', key: 'place:united kingdom' },
      { text: 'United Kingdom', key: 'place:united kingdom' },
    ],
  );
});

test('surnames join the full name; two people sharing a surname stay apart', () => {
  check(
    'Family ties\nVladimir Putin spoke first. Putin then left, and Mr Putin returned. Joe Biden and Hunter Biden arrived; Hunter Biden spoke and Biden nodded.',
    [
      { text: 'Vladimir Putin', key: 'person:vladimir putin', fullName: true, surname: 'putin' },
      { text: 'Putin', nth: 1, key: 'person:vladimir putin', fullName: false },
      { text: 'Putin', nth: 2, key: 'person:vladimir putin', role: 'Mr' },
      { text: 'Joe Biden', key: 'person:joe biden' },
      { text: 'Hunter Biden', key: 'person:hunter biden' },
      // The bare surname joins the nearest full name before it.
      { text: 'Biden', nth: 3, key: 'person:hunter biden', surname: 'biden' },
    ],
  );
});

test('acronyms defined in the article join their expansion', () => {
  check('Alliance grows\nThe Nordic Grid Cooperation Council (NGCC) met. NGCC members agreed.', [
    { text: 'Nordic Grid Cooperation Council', kind: 'org' },
    { text: 'NGCC', nth: 1, kind: 'org', key: 'org:nordic grid cooperation council' },
  ]);
});

test('odd input never throws', () => {
  const odd = ['', '\uFEFF', '\uD800 lone surrogate \uDC00', 'A'.repeat(100000), 'Paris '.repeat(50000), 'x\r\nBerlin\r\n', 'Москва и Киев', '....', "O'' -'s &&& ’s"];
  for (const text of odd) assert.doesNotThrow(() => findNames(text));
  const m = findNames('Talks\r\nThey met in Berlin.\r\n');
  assert.equal(m.length, 1);
  assert.equal(m[0].text, 'Berlin');
});

test('initials join the surname and the surname joins the full name', () => {
  check('Scores\nPhil Simmons took four wickets. Later P. Simmons and A. Dale batted, and Simmons stayed in.', [
    { text: 'Phil Simmons', key: 'person:phil simmons', fullName: true },
    { text: 'P. Simmons', kind: 'person', key: 'person:phil simmons', fullName: false },
    { text: 'A. Dale', kind: 'person', key: 'person:~dale' },
    { text: 'Simmons', nth: 2, kind: 'person', key: 'person:phil simmons' },
  ]);
});

test('ministry spellings fold to one key', () => {
  check('Defence talks\nThe Defence Ministry said the Ministry of Defense had no comment, and the State Department agreed with the Department of State.', [
    { text: 'Defence Ministry', kind: 'org', key: 'org:ministry of defense' },
    { text: 'Ministry of Defense', kind: 'org', key: 'org:ministry of defense' },
    { text: 'State Department', kind: 'org', key: 'org:department of state' },
    { text: 'Department of State', kind: 'org', key: 'org:department of state' },
  ]);
});

test('a role after an organization: the organization is a mention, the role stays out of the name', () => {
  check('Carmaker cuts jobs\nThe move was announced by Valdane Motors Chief Executive Robert Nardovski and White House Press Secretary Lena Ostrova on Monday.', [
    { text: 'Valdane Motors', kind: 'org' },
    { text: 'Robert Nardovski', kind: 'person', role: 'Valdane Motors Chief Executive' },
    { text: 'White House', kind: 'org' },
    { text: 'Lena Ostrova', kind: 'person' },
  ], ['Executive', 'Secretary']);
});

test('datelines name places; in match reports place-named teams are organizations', () => {
  check('SOCCER - LATE GOAL SINKS VISITORS\nKORVAT , Moldova 1996-08-30\nNewcastle 3 Blackburn 2\nNewcastle beat Blackburn at St James Park after Alan Shearer scored twice in the second half of the league match.', [
    { text: 'KORVAT', kind: 'place' },
    { text: 'Moldova', kind: 'place' },
    { text: 'Newcastle', kind: 'org' },
    { text: 'Blackburn', kind: 'org' },
    { text: 'Newcastle', nth: 1, kind: 'org' },
    { text: 'Alan Shearer', kind: 'person' },
  ]);
});

test('a company form ends the organization, and the name after it is a person', () => {
  check('Deal signed\nThe deal was signed by Harvenco LLC Jim Pressley and Quorvex Inc.', [
    { text: 'Harvenco LLC', kind: 'org' },
    { text: 'Jim Pressley', kind: 'person' },
  ]);
});

test('endless runs of capitalised words are cut into short candidates', () => {
  const text = 'Aaron Bexley '.repeat(20000) + 'Acme Inc '.repeat(20000) + 'Aa-Bb-'.repeat(20000);
  const found = findNames(text);
  assert.ok(found.length > 1000);
  assert.ok(found.every((m) => m.text.split(/\s+/).length <= 8 && m.text.length < 200));
});

test('abbreviations with a final period', () => {
  check('Storm damage\nThe storm hit Tampa, Fla., and Col. Reyes said Gen. Ortiz flew to Atlanta, Ga. on Monday.', [
    { text: 'Fla.', kind: 'place', key: 'place:florida' },
    { text: 'Reyes', kind: 'person', role: 'Col.' },
    { text: 'Ortiz', kind: 'person', role: 'Gen.' },
    { text: 'Ga.', kind: 'place', key: 'place:georgia' },
  ]);
});

test('a common word that names the article topic is a name; table words are not', () => {
  check(
    'Harvest unveils a new tractor\nHarvest today unveiled its latest tractor at a fair hosted by Harvest, the farm machinery maker.\nHarvest said sales would start in June.',
    [
      { text: 'Harvest', kind: 'org' },
      { text: 'Harvest', nth: 1, kind: 'org' },
      { text: 'Harvest', nth: 2, kind: 'org' },
      { text: 'Harvest', nth: 3, kind: 'org' },
    ],
  );
  check('CRICKET - COUNTY SCORES\nResults :\nSurrey 310 Kent 240\nResults from other grounds will follow.', [], ['Results']);
});

test('"Title of Company" names the company; a listed company is a person when the article says so', () => {
  check('Carmakers\n"We will recover," said Jim Pressley, the Vice Chairman of Chrysler. Ford said sales rose.', [
    { text: 'Chrysler', kind: 'org' },
    { text: 'Ford', kind: 'org', key: 'org:ford motor' },
  ]);
  check('Film news\nHarrison Ford starred again. Ford said he enjoyed it.', [
    { text: 'Harrison Ford', kind: 'person' },
    { text: 'Ford', nth: 1, kind: 'person', key: 'person:harrison ford' },
  ]);
});

test('place nouns around an unknown word make it a place', () => {
  check('Blast in the north\nThe blast hit the village of Korvaty, near Dravnik airport, in the eastern Selvar province.', [
    { text: 'Korvaty', kind: 'place' },
    { text: 'Dravnik', kind: 'place' },
    { text: 'Selvar', kind: 'place' },
  ]);
});

test('ages, inverted attributions and personal possessions mark people', () => {
  check('Court case\nVarnek, 45, was sentenced on Friday. "It is unfair," said Holmqvist. Dravic\'s family left the court.', [
    { text: 'Varnek', kind: 'person' },
    { text: 'Holmqvist', kind: 'person' },
    { text: 'Dravic', kind: 'person' },
  ]);
});

test('a plural common word or a word also written in lower case, opening a sentence, is not a name', () => {
  const text = 'Dock strike\nDockers walked out on Monday. Turnout was high, said Ms Odile Farrance, and the turnout of the dockers surprised her. Farmers joined them.';
  check(text, [{ text: 'Odile Farrance', kind: 'person', role: 'Ms' }], ['Dockers', 'Turnout', 'Farmers']);
});

test('a company is one key with or without its legal form, and its short name joins what it makes', () => {
  check('Phone makers report\nBrelland Computer Inc. reported higher sales on Monday. Brelland said its phones sold well. Its rival, the Osterby Corporation, fell; Osterby Group shares also slipped.', [
    { text: 'Brelland Computer Inc.', kind: 'org', key: 'org:brelland' },
    { text: 'Brelland', nth: 1, kind: 'org', key: 'org:brelland' },
    { text: 'Osterby Corporation', kind: 'org', key: 'org:osterby' },
    { text: 'Osterby Group', kind: 'org', key: 'org:osterby' },
  ]);
  // Two longer names start with the short one: which one "Kestrel" means is not clear.
  check('Name dispute\nKestrel Records sued Kestrel Computer on Monday. Kestrel said the name was its own.', [
    { text: 'Kestrel Records', key: 'org:kestrel records' },
    { text: 'Kestrel Computer', key: 'org:kestrel computer' },
  ]);
});

test('"Title of X" with no holder names only X; "Title of a place" before a name is the role', () => {
  check('Carmakers ask for help\n"We can not wait," said Ingrid Solheim, Prime Minister of Norway. Lars Brekke, the Chief Executive Officer of Nordic Motors, agreed. President of the United States Tom Hale spoke next.', [
    { text: 'Ingrid Solheim', kind: 'person' },
    { text: 'Norway', kind: 'place', key: 'place:norway' },
    { text: 'Nordic Motors', kind: 'org' },
    { text: 'Tom Hale', kind: 'person', role: 'President of the United States', key: 'person:tom hale' },
  ], ['Prime', 'Chief', 'Officer']);
});

test('a place run into a listed company by a lost full stop is two mentions', () => {
  check('Plant list\nThe last plant is in Dearborn, Michigan Ford shares fell 17 cents on the news.', [
    { text: 'Michigan', kind: 'place' },
    { text: 'Ford', kind: 'org' },
  ]);
});

test('the first word after a dateline and its agency opens a sentence', () => {
  check('Port reopens\nVESTHAVN, March 25 (Nordic Wire) - Cranes began moving again on Monday, after the cranes had stood still for a week. Mediated talks ended the strike.', [
    { text: 'VESTHAVN', kind: 'place' },
    { text: 'Nordic Wire', kind: 'org' },
  ], ['Cranes', 'Mediated']);
});

test('the title-case title of a linked story proves nothing', () => {
  check('Ferry strike spreads\nThe union said on Monday that the strike would go on.\nAlso read: Shipping Operators Warn Of Lasting Delays In Norway\nThe union meets again on Friday.', [
    { text: 'Norway', kind: 'place' },
  ], ['Shipping', 'Operators', 'Warn', 'Lasting', 'Delays']);
});

test('contractions are not names', () => {
  check('Interview\n“We’re ready,” said Ilse Marten. “I’m sure they’ll agree. Don’t wait.”', [
    { text: 'Ilse Marten', kind: 'person' },
  ], ['We’re', 'I’m', 'Don’t']);
});

test('roles before a name: "of Country" after the name, a given name that is a word, POTUS', () => {
  check('Summit\nPresident Varga of Hungary spoke first. CIA Director Bill Norholm met POTUS Ann Kessler in Washington DC on Monday. Varga left early.', [
    { text: 'Varga', kind: 'person', role: 'President' },
    { text: 'Hungary', kind: 'place' },
    { text: 'CIA', kind: 'org' },
    { text: 'Bill Norholm', kind: 'person', role: 'CIA Director' },
    { text: 'Ann Kessler', kind: 'person', role: 'POTUS' },
    { text: 'Washington DC', kind: 'place' },
    { text: 'Varga', nth: 1, kind: 'person' },
  ]);
});

test('a bearing or the region after a comma makes an unknown word a place, and its other mentions follow', () => {
  check('Rebels hold town\nGovernment troops took Morvasht on Tuesday. The rebels dug in ten km east of Morvasht. Morvasht has been empty since May.', [
    { text: 'Morvasht', kind: 'place' },
    { text: 'Morvasht', nth: 1, kind: 'place' },
    { text: 'Morvasht', nth: 2, kind: 'place' },
  ]);
  check('Plane crash inquiry\nThe plane came down over Kellaby, Scotland. Investigators flew in from Dunmarrow, Calif.', [
    { text: 'Kellaby', kind: 'place' },
    { text: 'Scotland', kind: 'place' },
    { text: 'Dunmarrow', kind: 'place' },
    { text: 'Calif.', kind: 'place', key: 'place:california' },
  ]);
  check('Recall widens\nDUNMARROW, Calif 2024-05-02\nThe company widened the recall on Thursday.', [
    { text: 'Calif', kind: 'place', key: 'place:california' },
  ]);
});

test('a sentence-initial word the article also writes in lower case does not start a name', () => {
  check('Chipmaker Orvex to cut 2,000 jobs\nThe chipmaker said on Monday that demand had fallen. Orvex shares fell 4%.', [
    { text: 'Orvex', kind: 'org' },
  ], ['Chipmaker']);
});

test('a dateline or "the port of" makes a two-word name a place in the whole article; a compass word before a place is a region', () => {
  check('Grain diverted\nSKARLA POINT, Norway, March 18 (Nordic Wire) - Exporters began loading wheat at the small port of Skarla Point on Monday. Skarla Point can take three ships, bound for East Asia.', [
    { text: 'SKARLA POINT', kind: 'place' },
    { text: 'Skarla Point', kind: 'place' },
    { text: 'Skarla Point', nth: 1, kind: 'place', key: 'place:skarla point' },
    { text: 'East Asia', kind: 'place' },
  ]);
});

test('"said" before a given name and an organization word is a person; a founder firm stays a firm', () => {
  check('Carmaker cuts dealers\n"This is a difficult day," said Jim Guard, the vice chairman. The loan came from Harlan Brothers, said Mark Fenwick.', [
    { text: 'Jim Guard', kind: 'person' },
    { text: 'Harlan Brothers', kind: 'org' },
    { text: 'Mark Fenwick', kind: 'person' },
  ]);
});
