/**
 * What the words around a name say about an organization, even one named like a person or a
 * word ("Pirelli", "Hachette", "Sun"): what it is ("carmaker Vireo", "the daily Zycie
 * Warszawy", "club Atalanta"), what it has ("Pirelli 's board", "Vireo shares fell", "Le Matin
 * newspaper") and what one holds of it ("shares of Vireo", "a stake in Vireo").
 */

/**
 * Lower-case nouns for what a company, outlet or club is, written right before its name; not
 * those a person may be too ("broker", "producer", "publisher") or a ship ("carrier").
 */
const KIND_BEFORE = new Set([
  'company', 'firm', 'group', 'giant', 'maker', 'carmaker', 'automaker', 'chipmaker', 'drugmaker', 'retailer', 'insurer',
  'lender', 'bank', 'airline', 'broadcaster', 'newspaper', 'daily', 'weekly', 'magazine', 'tabloid', 'agency', 'distributor',
  'chain', 'conglomerate', 'manufacturer', 'supplier', 'brewer', 'utility', 'exporter', 'importer', 'brokerage', 'subsidiary',
  'club', 'franchise', 'outfit', 'consortium', 'multinational', 'startup', 'start-up', 'refiner', 'shipper', 'shipbuilder',
  'wholesaler', 'telecoms', 'network', 'channel', 'station', 'website', 'newsletter', 'bourse', 'regulator', 'watchdog',
  'team', 'side',
]);
/** Nouns right after a name that belong to an organization, however it is named ("Vireo shares", "Le Matin newspaper"). */
const HAS_AFTER = new Set([
  'shares', 'stock', 'subsidiary', 'unit', 'division', 'shareholders', 'stockholders', 'stake', 'plant', 'factory', 'headquarters',
  'employees', 'workers', 'newspaper', 'daily', 'weekly', 'magazine', 'agency', 'bank', 'brand', 'franchise',
]);
/** What only an organization has, after its possessive ("Pirelli 's board", "Hachette 's subsidiary"). */
const POSSESSIONS = new Set([
  'board', 'subsidiary', 'unit', 'division', 'profit', 'profits', 'revenue', 'revenues', 'earnings', 'chairman', 'headquarters',
  'plant', 'plants', 'factory', 'factories', 'employees', 'workers', 'shareholders', 'merger', 'takeover', 'brand', 'brands',
  'stores', 'branches', 'customers', 'subscribers', 'newsroom', 'circulation', 'ceo',
]);
/** What an organization has, and a person may too ("Vireo 's shares", "Buffett 's shares"): only for names that are not people's. */
const OWNED = new Set(['shares', 'stock', 'stake', 'sales', 'acquisition', 'executives', 'directors', 'management', 'operations']);
/** Words before a name that hold part of an organization ("shares of Vireo", "a stake in Vireo", "analysts at Vireo"). */
const HOLDINGS = /(?:shares|stock|stake|holding|holdings|stakeholder|shareholder|analysts?|economists?|strategists?|executives?|subsidiary|unit|division|takeover|acquisition|merger) (?:of|in|at) (?:the )?$/;
/** "shares" after a name is a verb when a determiner follows ("Tallis shares his view"). */
const VERB_OBJECT = /^ (?:his|her|its|their|a|an|the|this|that|my|our|your|some|many|much|one|two|no)\b/;

/**
 * Do the words around [start, end) of `text` say it names an organization? `personLike` (the
 * name is also a given name or surname) leaves out the cues a person shares: "Buffett 's shares",
 * "Tallis shares his view".
 */
export function orgContext(text: string, start: number, end: number, personLike: boolean): boolean {
  const before = lowerWordBefore(text, start);
  if (KIND_BEFORE.has(before)) return true;
  if (HOLDINGS.test(text.slice(Math.max(0, start - 28), start))) return true;
  const after = text.slice(end, end + 32);
  const possessive = /^ ?['’]s ([a-z]+)/.exec(after);
  if (possessive && (POSSESSIONS.has(possessive[1]) || (!personLike && OWNED.has(possessive[1])))) return true;
  const next = /^ ([a-z]+)/.exec(after);
  if (!next || !HAS_AFTER.has(next[1])) return false;
  return !personLike || !VERB_OBJECT.test(after.slice(next[0].length));
}

/** The lower-case word right before `start` (one space between), up to 16 letters, or "". */
function lowerWordBefore(text: string, start: number): string {
  if (text.charCodeAt(start - 1) !== 32) return '';
  let i = start - 1;
  while (i > 0 && start - i <= 17) {
    const c = text.charCodeAt(i - 1);
    if (!((c >= 97 && c <= 122) || c === 45)) break;
    i--;
  }
  const c = i > 0 ? text.charCodeAt(i - 1) : 32;
  if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 127) return '';
  return text.slice(i, start - 1);
}
