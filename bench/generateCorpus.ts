/**
 * Writes N realistic invented news articles (about 3 KB each) for the benchmarks: recurring
 * people, organizations and places in varied spellings, absolute and relative dates, figures
 * and a date line. Deterministic for a given seed.
 *
 *   node out/bench/generateCorpus.js --articles 10000 [--seed 1] [--out bench/corpora/10000]
 */
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** A small, fast, seedable generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'dor', 'va', 'sel', 'tin', 'bra', 'mo', 'ne', 'quis', 'har', 'el', 'ost', 'ru', 'fen', 'al', 'cor', 'da', 'vik', 'man', 'ter', 'so', 'lin', 'gar', 'bel', 'us', 'an', 'wen'];
const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Defence Minister', 'Finance Minister', 'Senator', 'General', 'Governor', 'Ambassador', 'Mayor', 'Secretary of State', 'Chief Executive'];
const ORG_PATTERNS = ['Ministry of {X}', '{Y} Defence Ministry', '{N} Corporation', '{N} Group', 'National {X} Agency', '{N} University', '{N} Workers Union', '{Y} Central Bank', '{N} Party', 'Council of {X}'];
const FIELDS = ['Energy', 'Transport', 'Trade', 'Health', 'Water', 'Agriculture', 'Finance', 'Labour', 'Justice', 'Fisheries'];
const PLACES = ['France', 'Germany', 'Japan', 'Brazil', 'Kenya', 'Canada', 'India', 'Poland', 'Ukraine', 'Russia', 'China', 'Mexico', 'Egypt', 'Turkey', 'Spain', 'Italy', 'Nigeria', 'Chile', 'Norway', 'Vietnam', 'Paris', 'Berlin', 'Tokyo', 'Nairobi', 'Warsaw', 'Madrid', 'Cairo', 'Lagos', 'Oslo', 'Lima'];
const US = ['United States', 'US', 'U.S.', 'America'];
const COUNTED = ['troops', 'workers', 'diplomats', 'families', 'ships', 'containers', 'voters', 'jobs', 'students', 'doctors'];
const APPROX = ['', 'over ', 'nearly ', 'about ', 'at least ', 'more than ', 'almost '];
const RELATIVE = ['last week', 'on Tuesday', 'on Wednesday', 'two days ago', 'earlier this month', 'next month', 'this year', 'yesterday', 'last month'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const VERBS = ['said', 'told reporters', 'warned', 'announced', 'confirmed', 'denied', 'argued'];

interface Person { first: string; last: string; title: string }

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function word(rnd: () => number, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return cap(w);
}

/** The invented cast shared by the whole corpus, so entities recur across articles. */
function cast(rnd: () => number) {
  const people: Person[] = [];
  const seen = new Set<string>();
  while (people.length < 400) {
    const p = { first: word(rnd, 2), last: word(rnd, 2 + Math.floor(rnd() * 2)), title: TITLES[Math.floor(rnd() * TITLES.length)] };
    if (seen.has(p.first + p.last)) continue;
    seen.add(p.first + p.last);
    people.push(p);
  }
  const orgs: { name: string; acronym?: string }[] = [];
  for (let i = 0; i < 120; i++) {
    const name = ORG_PATTERNS[i % ORG_PATTERNS.length].replace('{X}', FIELDS[Math.floor(rnd() * FIELDS.length)]).replace('{Y}', PLACES[Math.floor(rnd() * 20)]).replace('{N}', word(rnd, 2));
    const acronym = rnd() < 0.4 ? name.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('') : undefined;
    orgs.push({ name, acronym: acronym && acronym.length >= 2 ? acronym : undefined });
  }
  return { people, orgs };
}

function pick<T>(rnd: () => number, list: T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

/** Zipf-like choice: a few entities are in many articles, most in few. */
function pickSkewed<T>(rnd: () => number, list: T[]): T {
  return list[Math.floor(Math.pow(rnd(), 2.2) * list.length)];
}

function figure(rnd: () => number): string {
  const kind = rnd();
  if (kind < 0.55) {
    const n = Math.floor(rnd() * 200) * 50 + 10;
    return `${pick(rnd, APPROX)}${n.toLocaleString('en-US')} ${pick(rnd, COUNTED)}`;
  }
  if (kind < 0.75) return `$${(1 + Math.floor(rnd() * 90)) / 10}bn`;
  if (kind < 0.9) return `${Math.floor(rnd() * 90) + 2}%`;
  return `${pick(rnd, ['ten', 'twelve', 'two dozen', 'three', 'five'])} ${pick(rnd, COUNTED)}`;
}

/** One article of about 3 KB. */
export function article(rnd: () => number, index: number, people: Person[], orgs: { name: string; acronym?: string }[]): { name: string; text: string } {
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(rnd() * 5 * 365) * 86_400_000);
  const iso = day.toISOString().slice(0, 10);
  const cast = Array.from({ length: 4 }, () => pickSkewed(rnd, people));
  const org = pickSkewed(rnd, orgs);
  const place = pick(rnd, PLACES);
  const lines: string[] = [];
  lines.push(`${cast[0].last} Presses ${place} On ${pick(rnd, FIELDS)} Deal As Talks Resume`);
  lines.push(`date ${iso}`);
  lines.push('');
  const dateline = rnd() < 0.4 ? `${place.toUpperCase()}, ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()} (Sample Wire) - ` : '';
  const introduced = new Set<Person>();
  const mention = (p: Person): string => {
    if (!introduced.has(p)) {
      introduced.add(p);
      return rnd() < 0.6 ? `${p.title} ${p.first} ${p.last}` : `${p.first} ${p.last}`;
    }
    const r = rnd();
    return r < 0.4 ? p.last : r < 0.7 ? `Mr ${p.last}` : r < 0.85 ? `${p.last}'s` : `${p.title} ${p.last}`;
  };
  const orgMention = (first: boolean): string => (org.acronym && !first && rnd() < 0.6 ? org.acronym : first && org.acronym ? `the ${org.name} (${org.acronym})` : `the ${org.name}`);
  let paragraph = `${dateline}${mention(cast[0])} ${pick(rnd, VERBS)} ${pick(rnd, RELATIVE)} that ${orgMention(true)} would send ${figure(rnd)} to ${place} before ${MONTHS[Math.floor(rnd() * 12)]} ${1 + Math.floor(rnd() * 28)}.`;
  lines.push(paragraph);
  let size = lines.join('\n').length;
  while (size < 2900) {
    const p = pick(rnd, cast);
    const r = rnd();
    if (r < 0.2) paragraph = `"We will not accept ${figure(rnd)} more," ${mention(p)} ${pick(rnd, VERBS)}, adding that ${pick(rnd, US)} officials had been told ${pick(rnd, RELATIVE)}.`;
    else if (r < 0.4) paragraph = `According to ${orgMention(false)}, ${figure(rnd)} were affected in ${pick(rnd, PLACES)} and ${pick(rnd, PLACES)}, up from ${figure(rnd)} in ${2015 + Math.floor(rnd() * 8)}.`;
    else if (r < 0.6) paragraph = `${mention(p)} met ${mention(pick(rnd, cast))} in ${pick(rnd, PLACES)} on ${MONTHS[Math.floor(rnd() * 12)]} ${1 + Math.floor(rnd() * 28)}, ${2018 + Math.floor(rnd() * 6)}, to discuss a package worth ${figure(rnd)}.`;
    else if (r < 0.75) paragraph = `Officials from ${orgMention(false)} said ${pick(rnd, RELATIVE)} that ${pick(rnd, PLACES)}, ${pick(rnd, PLACES)} and ${pick(rnd, PLACES)} had each pledged ${figure(rnd)}.`;
    else if (r < 0.9) paragraph = `Also read: ${mention(p)} ${pick(rnd, VERBS)} on ${pick(rnd, FIELDS).toLowerCase()} reform`;
    else paragraph = `The ${pick(rnd, FIELDS).toLowerCase()} plan, first drafted ${pick(rnd, RELATIVE)}, would cost ${figure(rnd)} and affect ${figure(rnd)}, ${mention(p)} ${pick(rnd, VERBS)}.`;
    lines.push('', paragraph);
    size += paragraph.length + 2;
  }
  lines.push('', '(Generated benchmark article for Corpus Lens; the people and events are invented.)', '');
  return { name: `${String(index).padStart(6, '0')}.txt`, text: lines.join('\n') };
}

/** Writes the corpus into `out` (replacing it) unless a complete corpus of that size and seed is there. */
export function generateCorpus(articles: number, seed: number, out: string): { folder: string; bytes: number; reused: boolean } {
  const stamp = path.join(out, '.generated.json');
  if (existsSync(stamp)) {
    const info = JSON.parse(readFileSync(stamp, 'utf8')) as { articles: number; seed: number; bytes: number };
    if (info.articles === articles && info.seed === seed) return { folder: out, bytes: info.bytes, reused: true };
  }
  rmSync(out, { recursive: true, force: true });
  const rnd = random(seed);
  const { people, orgs } = cast(rnd);
  let bytes = 0;
  // Folders of 1,000 articles, as real archives are split by date or source.
  for (let i = 0; i < articles; i++) {
    const dir = path.join(out, `batch-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    const a = article(rnd, i, people, orgs);
    writeFileSync(path.join(dir, a.name), a.text);
    bytes += Buffer.byteLength(a.text);
  }
  writeFileSync(stamp, JSON.stringify({ articles, seed, bytes }));
  return { folder: out, bytes, reused: false };
}

/** The value after `--name` on the command line, or the fallback. */
export function option(name: string, fallback: string, args = process.argv.slice(2)): string {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

if (require.main === module) {
  const articles = Number(option('--articles', '1000'));
  const seed = Number(option('--seed', '1'));
  const out = path.resolve(option('--out', path.join(__dirname, '..', '..', 'bench', 'corpora', String(articles))));
  const started = Date.now();
  const result = generateCorpus(articles, seed, out);
  console.log(`${result.reused ? 'Reused' : 'Wrote'} ${articles} articles (${(result.bytes / 1e6).toFixed(1)} MB) in ${out} (${Date.now() - started} ms)`);
}
