import { wordTable } from '../wordTable';
/**
 * Currency signs, codes and words, and their ISO 4217 codes. A bare "$" is read as US
 * dollars, the common case in English-language news; "A$", "C$", "HK$" and friends say
 * otherwise.
 */

/** Prefix signs and prefixed dollar forms → code. Keys are matched case-sensitively. */
const PREFIX_CODES: Record<string, string> = wordTable({
  $: 'USD', US$: 'USD', 'U.S.$': 'USD', USD: 'USD',
  A$: 'AUD', AU$: 'AUD', AUD: 'AUD', C$: 'CAD', CA$: 'CAD', CAD: 'CAD', NZ$: 'NZD', NZD: 'NZD',
  HK$: 'HKD', HKD: 'HKD', S$: 'SGD', SGD: 'SGD', R$: 'BRL', NT$: 'TWD', MX$: 'MXN',
  '€': 'EUR', EUR: 'EUR', '£': 'GBP', GBP: 'GBP', '¥': 'JPY', JPY: 'JPY', CNY: 'CNY', RMB: 'CNY',
  '₹': 'INR', INR: 'INR', Rs: 'INR', 'Rs.': 'INR', '₽': 'RUB', RUB: 'RUB', '₩': 'KRW', KRW: 'KRW',
  '₺': 'TRY', TRY: 'TRY', '₴': 'UAH', UAH: 'UAH', '₪': 'ILS', ILS: 'ILS', CHF: 'CHF', SFr: 'CHF',
  dlrs: 'USD', Dlrs: 'USD', SEK: 'SEK', NOK: 'NOK', DKK: 'DKK', PLN: 'PLN', ZAR: 'ZAR', SAR: 'SAR', AED: 'AED',
});

/**
 * A currency written right before the number, possibly with one space ("$5", "US$ 40",
 * "€300m", "EUR 12", "Rs. 500"). Anchored at the end of a short look-behind slice.
 */
export const CURRENCY_BEFORE =
  /(?:^|[^\p{L}\p{N}$])((?:US|U\.S\.|AU|A|CA|C|NZ|HK|S|R|NT|MX)?\$|[€£¥₹₽₩₺₴₪]|USD|AUD|CAD|NZD|HKD|SGD|EUR|GBP|JPY|CNY|RMB|INR|RUB|KRW|TRY|UAH|ILS|CHF|SEK|NOK|DKK|PLN|ZAR|SAR|AED|Rs\.?|SFr|[Dd]lrs)([ \u00a0]?)$/u;

/** ISO code for a prefix captured by CURRENCY_BEFORE. */
export function codeOfPrefix(prefix: string): string {
  return PREFIX_CODES[prefix.trim()] ?? 'USD';
}

/** Currency words after the number → code; a leading qualifier can change the dollar. */
const WORD_CODES: Record<string, string> = wordTable({
  dollar: 'USD', euro: 'EUR', pound: 'GBP', sterling: 'GBP', yen: 'JPY', yuan: 'CNY', renminbi: 'CNY',
  ruble: 'RUB', rouble: 'RUB', rupee: 'INR', franc: 'CHF', peso: 'MXN', lira: 'TRY', shekel: 'ILS',
  won: 'KRW', riyal: 'SAR', dirham: 'AED', zloty: 'PLN', hryvnia: 'UAH', rand: 'ZAR', real: 'BRL',
  dinar: 'dinar', krona: 'SEK', kronor: 'SEK', krone: 'krone', kroner: 'krone',
  cent: 'cent', pence: 'pence', penny: 'pence', dlr: 'USD', guilder: 'NLG', mark: 'DEM', 'deutsche mark': 'DEM',
  'd-mark': 'DEM', markkaa: 'FIM', peseta: 'ESP', schilling: 'ATS', lire: 'ITL', drachma: 'GRD', escudo: 'PTE',
  baht: 'THB', ringgit: 'MYR', rupiah: 'IDR', naira: 'NGN',
});

const QUALIFIED_DOLLARS: Record<string, string> = wordTable({
  us: 'USD', 'u.s.': 'USD', american: 'USD', australian: 'AUD', canadian: 'CAD', 'new zealand': 'NZD',
  'hong kong': 'HKD', singapore: 'SGD', taiwan: 'TWD', taiwanese: 'TWD', zimbabwean: 'ZWL',
});

/**
 * A currency written after the number ("5 billion dollars", "9 billion euros", "$9.99 US
 * dollars", "$249 USD", "26 cents"). Sticky; run at the end of the number. "pounds of" is
 * weight, not money, and is refused by the caller's look-ahead.
 */
export const CURRENCY_AFTER =
  /[ \u00a0]?(?:(US|U\.S\.|American|Australian|Canadian|New Zealand|Hong Kong|Singapore|Taiwan(?:ese)?|Zimbabwean)[ \u00a0])?(dollars?|euros?|pounds?(?: sterling)?|sterling|yen|yuan|renminbi|rubles?|roubles?|rupees?|francs?|pesos?|liras?|lira|shekels?|won|riyals?|dirhams?|zloty(?:s)?|hryvnias?|rand|reais|dinars?|kronor|krona|kroner|krone|cents?|pence|dlrs|guilders?|(?:Deutsche[ \u00a0])?marks|D-marks|markkaa|pesetas?|schillings|lire|drachmas?|escudos?|baht|ringgit|rupiah|naira|USD|EUR|GBP|JPY|CNY|RUB|INR|AUD|CAD|CHF|€|£|¥|₹|₽)(?![\p{L}\p{N}])(?![ \u00a0]+of\b)/uy;

/** The ISO code (or a plain word where the currency is ambiguous) of a CURRENCY_AFTER match. */
export function codeOfWord(qualifier: string | undefined, word: string): string {
  if (/^[A-Z]{3}$/.test(word)) return word;
  // A sign after the number, as written in much of Europe ("300 €").
  if (word.length === 1) return PREFIX_CODES[word] ?? word;
  let w = word.toLowerCase().replace(/ sterling$/, '');
  if (w === 'reais') w = 'real';
  else if (w === 'liras') w = 'lira';
  else if (w === 'zlotys') w = 'zloty';
  else if (w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('s') && w !== 'pence' && w !== 'kronor') w = w.slice(0, -1);
  if (w === 'markkaa' || w === 'lire' || w === 'baht' || w === 'rupiah' || w === 'naira' || w === 'ringgit') return WORD_CODES[w];
  if (w === 'dollar' && qualifier) return QUALIFIED_DOLLARS[qualifier.toLowerCase()] ?? 'USD';
  return WORD_CODES[w] ?? w;
}

/** A currency word that counts hundredths of its base unit ("26 cents" = 0.26 USD). */
export function hundredthOf(code: string): string | undefined {
  if (code === 'cent') return 'USD';
  if (code === 'pence') return 'GBP';
  return undefined;
}
