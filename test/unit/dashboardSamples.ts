/** Sample articles and a dashboard over them, shared by the dashboard's unit tests. */
import { analyzeArticle } from '../../server/src/analysis';
import { Corpus } from '../../server/src/corpus/corpus';
import { DashboardQueries } from '../../server/src/dashboard';

// Invented articles (samples written for this test): a port strike over two weeks and once in
// May, an article whose headline is not on its first line, and two without a date (one of them
// a file whose name is escaped in its uri, one with no text at all).
export const ARTICLES: Record<string, string> = {
  'a1.txt': 'Strike begins at Lisbon\ndate 2024-03-04\n\nNearly 4,000 workers walked out at Lisbon, union leader Ilse Marrow said.\n',
  'a2.txt': 'Strike spreads\ndate 2024-03-05\n\nAbout 4,200 workers joined, Ms Marrow told the Keswin Dock Authority. Marrow said more would follow.\n',
  'a3.txt': 'Claims grow\ndate 2024-03-06\n\nOver 40,000 workers are out, Ms Marrow claimed in Lisbon.\n',
  'a4.txt': 'Authority replies\ndate 2024-03-06\n\nThe Keswin Dock Authority counted 4,100 workers on strike.\n',
  'a5.txt': 'Talks resume\ndate 2024-03-20\n\nMinister Tomas Fell met Ilse Marrow in Lisbon as 5,000 workers stayed out.\n',
  'a6.txt': 'Deal signed\ndate 2024-05-02\n\nTomas Fell signed the deal in Lisbon.\n',
  'late.txt': '\n\nLate headline\ndate 2024-03-07\n\nNothing named here.\n',
  'caf%C3%A9 notes.txt': 'Notes from the picket line\n\nAbout 3,000 workers marched last week, Ilse Marrow said. Yesterday Tomas Fell stayed away.\n',
  'blank.txt': '   \n',
};
export const uri = (file: string) => `file:///c/${file}`;

/** A corpus of the articles (file name → text). */
export function corpusOf(articles: Record<string, string> = ARTICLES): Corpus {
  const corpus = new Corpus();
  for (const [file, text] of Object.entries(articles)) corpus.setArticle(uri(file), corpus.pack(text, analyzeArticle(text, {})));
  return corpus;
}

/** The dashboard of a corpus of the articles, with the skipped files given, looking at its token at every slice. */
export function queriesOf(articles: Record<string, string> = ARTICLES, skipped: [string, string][] = [['image.txt', 'binary']]): DashboardQueries {
  return new DashboardQueries(corpusOf(articles), () => skipped, 0);
}


/** Fourteen invented people, each "Minister <name>" in an article. */
export const PEOPLE = ['Anna Berg', 'Carl Dahl', 'Edda Falk', 'Gustav Holm', 'Ines Jung', 'Jonas Krall', 'Karin Lind', 'Lars Moss', 'Mona Nord', 'Nils Ohlin', 'Olga Pratt', 'Pavel Quist', 'Rosa Rusk', 'Sven Strand'];

/** A cabinet meeting on `date` where the people given (by index into PEOPLE) speak once each. */
export function meeting(date: string, people: number[]): string {
  return `Cabinet meets\ndate ${date}\n\n${people.map((p) => `Minister ${PEOPLE[p]} spoke.`).join(' ')}\n`;
}
