import { daysInMonth, formatYmd, isValidYmd, pad, type Ymd } from '../calendar';
import { DECADE_WORDS, MONTH, WEEKDAY, YEAR, monthNumber, numberValue, ordinalValue } from '../lexicon';
import { absolute, isCapitalised, MODIFIER, MONTH_CUE_REACH, previousWord, relative, type Rule } from './rule';

/*
 * Dates and years written out: ISO and numeric dates, a month with a day and maybe a year
 * ("March 13, 2021", "13 March"), a month with a year, decades, centuries and years (in digits
 * or in words). A day and month without a year take the nearest such date to the article date.
 */

// Words after which a number is a year even when a plural noun follows ("in 1990 sales rose").
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'by', 'until', 'till', 'through', 'during', 'before', 'after', 'from', 'of', 'throughout', 'fiscal', 'year']);

/** The date of a month and day said without a year: the nearest such date, the tense breaking far ties. */
function nearestMonthDay(anchor: Ymd, month: number, day: number, future: boolean, cueDistance = Infinity): Ymd {
  let best: Ymd | null = null;
  let bestDistance = Infinity;
  for (const y of [anchor.y - 1, anchor.y, anchor.y + 1]) {
    if (!isValidYmd(y, month, day)) continue;
    const signed = (y - anchor.y) * 372 + (month - anchor.m) * 31 + (day - anchor.d);
    // Far from the article date (over about four months), a date against the tense is unlikely.
    const against = signed !== 0 && signed > 0 !== future;
    // A verb right before the date ("ended Jan. 31") decides; otherwise only far dates follow the tense.
    const distance = Math.abs(signed) + (against && (Math.abs(signed) > 124 || cueDistance <= MONTH_CUE_REACH) ? 400 : 0);
    if (distance < bestDistance) {
      best = { y, m: month, d: day };
      bestDistance = distance;
    }
  }
  return best ?? { y: anchor.y, m: month, d: Math.min(day, daysInMonth(anchor.y, month)) };
}

/**
 * "March 13, 2021" and "13 March 2021" read alike: a capitalised month and a day, with the
 * year when written, else the nearest such date to the article date. `first`/`second` only
 * name the order in the reading shown on hover.
 */
function monthAndDay(first: 'month' | 'day', second: 'month' | 'day'): Rule['handle'] {
  return (g, ctx) => {
    const m = monthNumber(g.mon!), d = +g.day!;
    if (!isCapitalised(g.mon) || d < 1 || d > 31) return null;
    if (g.year) {
      if (!isValidYmd(+g.year, m, d)) return null;
      return absolute('DATE', `${g.year}-${pad(m)}-${pad(d)}`, `${first}, ${second} and year`);
    }
    return relative(ctx, 'DATE', `${first} and ${second} without a year: the nearest such date to the article date`, (a) =>
      formatYmd(nearestMonthDay(a, m, d, ctx.future(), ctx.tenseDistance())),
    );
  };
}

export const isoRule: Rule = {
  name: 'iso',
  source: '(?<y>\\d{4})-(?<m>\\d\\d)-(?<d>\\d\\d)(?:T(?<hh>[0-2]\\d):(?<mi>[0-5]\\d))?',
  handle(g) {
    if (!isValidYmd(+g.y!, +g.m!, +g.d!)) return null;
    const date = `${g.y}-${g.m}-${g.d}`;
    return g.hh ? absolute('TIME', `${date}T${g.hh}:${g.mi}`, 'ISO date and time') : absolute('DATE', date, 'ISO calendar date');
  },
};

export const numericRule: Rule = {
  name: 'numeric',
  source: '(?<a>[0-3]?\\d)/(?<b>[0-3]?\\d)/(?<y>\\d{4})',
  handle(g) {
    let m = +g.a!, d = +g.b!;
    let how = 'numeric date read as month/day/year';
    if (m > 12 && d <= 12) {
      [m, d] = [d, m];
      how = 'numeric date read as day/month/year';
    }
    if (!isValidYmd(+g.y!, m, d)) return null;
    return absolute('DATE', `${g.y}-${pad(m)}-${pad(d)}`, how);
  },
};

export const monthDayYearRule: Rule = {
  name: 'month-day-year',
  source:
    `(?:(?<wd>${WEEKDAY}),?\\s+)?(?<mon>${MONTH})\\s*(?<day>[0-3]?\\d)(?:st|nd|rd|th)?(?!\\d)` +
    `(?:\\s*,?\\s*(?<year>${YEAR})(?![\\d,.]\\d))?`,
  handle: monthAndDay('month', 'day'),
};

export const dayMonthYearRule: Rule = {
  name: 'day-month-year',
  source:
    `(?:(?<wd>${WEEKDAY}),?\\s+)?(?:the\\s+)?(?<day>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon>${MONTH})` +
    `(?:,?\\s+(?<year>${YEAR})(?![\\d,.]\\d))?`,
  handle: monthAndDay('day', 'month'),
};

export const monthYearRule: Rule = {
  name: 'month-year',
  source: `(?:${MODIFIER}[-\\s]+)?(?<mon>${MONTH}),?\\s+(?:of\\s+)?(?<year>${YEAR})(?![\\d,.]\\d)`,
  handle(g) {
    if (!isCapitalised(g.mon)) return null;
    return absolute('DATE', `${g.year}-${pad(monthNumber(g.mon!))}`, 'month and year');
  },
};

export const decadeRule: Rule = {
  name: 'decade',
  source:
    `(?:(?<the>the)\\s+)?(?:(?<mod>early|late|mid)[-\\s]+)?(?:(?<dec>1[0-9]\\d0|20\\d0)'?s|'(?<short>\\d0)s|(?<short2>[2-9]0)s|` +
    `(?<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))`,
  handle(g, ctx) {
    // TIMEX3 writes a decade as its first three digits: the 1990s are 199.
    if (g.dec) return absolute('DATE', g.dec.slice(0, 3), 'a decade');
    if (g.word) return absolute('DATE', `19${DECADE_WORDS[g.word.toLowerCase()]}`, 'a decade of the twentieth century');
    // "in their 80s" is an age, not a decade.
    if (g.short2 && /\b(their|his|her|its|the\s+mid|low|high|upper|lower)\s*$/i.test(ctx.text.slice(Math.max(0, ctx.start - 12), ctx.start))) return null;
    const digit = (g.short ?? g.short2)![0];
    return absolute('DATE', `19${digit}`, 'a decade of the twentieth century');
  },
};

export const centuryRule: Rule = {
  name: 'century',
  source:
    `(?:the\\s+)?(?:(?<mod>early|late|mid)[-\\s]+)?(?<ord>\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|` +
    `eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[-\\s]first)[-\\s]+century`,
  handle(g) {
    const n = ordinalValue(g.ord!.replace(/\s+/, '-'));
    if (n < 1 || n > 30) return null;
    return absolute('DATE', pad(n - 1), `the ${g.ord} century`);
  },
};

export const yearRule: Rule = {
  name: 'year',
  source:
    `(?:(?<mod>${MODIFIER}|fiscal|calendar|FY|(?:the\\s+)?(?:fiscal\\s+)?year|the\\s+summer\\s+of|post|pre)[-\\s]*)?(?<year>${YEAR})(?<suffix>\\s+or\\s+(?:later|earlier))?`,
  handle(g, ctx) {
    if (!g.mod) {
      const after = ctx.text.slice(ctx.end, ctx.end + 24);
      // A year is not a count ("2000 people") nor part of a number, range, phone or version.
      if (/^(?:\s*(?:%|percent|per\s+cent)|[-–/.,:]\d|\s+(?:[a-z]+s\b(?<!\b(?:was|has|is|as|this|his|its|us|hers|ours|yes|less|yours|thus|plus|whereas)\b)|(?:people|men|women|children|police|staff|personnel|feet|cattle|sheep|yen)\b))/.test(after)) {
        if (!YEAR_PREPOSITIONS.has(previousWord(ctx))) return null;
      }
    }
    const y = g.year!;
    const mod = (g.mod ?? '').toLowerCase();
    return absolute('DATE', y, mod.startsWith('fiscal') || mod === 'fy' ? 'fiscal year' : 'a year');
  },
};

export const spelledYearRule: Rule = {
  name: 'spelled-year',
  source: `nineteen[-\\s]+(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?<ones>one|two|three|four|five|six|seven|eight|nine))?|the\\s+year\\s+two\\s+thousand`,
  handle(g) {
    if (!g.tens) return absolute('DATE', '2000', 'a year in words');
    const tens = numberValue(g.tens)!;
    const ones = g.ones ? numberValue(g.ones)! : 0;
    return absolute('DATE', String(1900 + tens + ones), 'a year in words');
  },
};
