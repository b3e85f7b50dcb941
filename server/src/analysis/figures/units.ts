import { wordTable } from '../wordTable';
/**
 * Units of measure written after a number ("7.5 kilometers", "700 square miles", "2GB",
 * "3.5-inch"). The unit is part of the figure's span (as the MEANTIME and re3d gold mark
 * it) and gives the figure's measure, so "7.5 km" and "12 kilometres" group together.
 */

/** Canonical unit for each spelling (lower-case keys; short symbols are matched case-sensitively below). */
const CANONICAL: Record<string, string> = wordTable({
  km: 'km', kms: 'km', kilometer: 'km', kilometre: 'km', kilometers: 'km', kilometres: 'km',
  'square km': 'sq km', 'sq km': 'sq km', km2: 'sq km', 'square kilometers': 'sq km', 'square kilometres': 'sq km',
  'square kilometer': 'sq km', 'square kilometre': 'sq km',
  mile: 'miles', miles: 'miles', 'nautical mile': 'nautical miles', 'nautical miles': 'nautical miles', 'square mile': 'sq miles', 'square miles': 'sq miles', 'sq miles': 'sq miles',
  meter: 'm', metre: 'm', meters: 'm', metres: 'm', 'square meters': 'sq m', 'square metres': 'sq m', 'square meter': 'sq m', 'square metre': 'sq m',
  'square foot': 'sq feet', 'cubic meters': 'cubic m', 'cubic metres': 'cubic m',
  cm: 'cm', centimeters: 'cm', centimetres: 'cm', mm: 'mm', millimeters: 'mm', millimetres: 'mm',
  foot: 'feet', feet: 'feet', ft: 'feet', 'square feet': 'sq feet', inch: 'inches', inches: 'inches', yards: 'yards',
  kg: 'kg', kilogram: 'kg', kilograms: 'kg', kilos: 'kg', g: 'g', grams: 'g', mg: 'mg', milligrams: 'mg',
  lb: 'lb', lbs: 'lb', ounces: 'oz', oz: 'oz',
  tonne: 'tonnes', tonnes: 'tonnes', ton: 'tons', tons: 'tons', 'metric tons': 'tonnes',
  barrel: 'barrels', barrels: 'barrels', bpd: 'barrels a day',
  liter: 'litres', liters: 'litres', litre: 'litres', litres: 'litres', gallon: 'gallons', gallons: 'gallons',
  acre: 'acres', acres: 'acres', hectare: 'hectares', hectares: 'hectares', ha: 'hectares',
  mph: 'mph', 'km/h': 'km/h', kph: 'km/h', knots: 'knots',
  kb: 'KB', mb: 'MB', gb: 'GB', tb: 'TB', kbps: 'kbps', mbps: 'Mbps', gbps: 'Gbps',
  hz: 'Hz', khz: 'kHz', mhz: 'MHz', ghz: 'GHz',
  w: 'W', kw: 'kW', mw: 'MW', gw: 'GW', kwh: 'kWh', mwh: 'MWh', gwh: 'GWh', megawatts: 'MW', gigawatts: 'GW',
  kilowatts: 'kW', watts: 'W', volts: 'V', v: 'V',
  '°c': '°C', '°f': '°F', degrees: 'degrees', celsius: '°C', fahrenheit: '°F',
  calories: 'calories', megapixels: 'megapixels', mp: 'megapixels', mah: 'mAh',
  "''": 'inches', '″': 'inches',
});

// Longest spellings first so "square miles" wins over "miles" and "km/h" over "km".
const SPELLINGS = Object.keys(CANONICAL)
  .filter((k) => !/^[a-z]{1,2}$|^[°'"″]/.test(k))
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[ \\u00a0-]'));

/** A unit after a space or hyphen ("7.5 kilometers", "3.5-inch"); sticky. */
const UNIT_WORD = new RegExp(`(?:[ \\u00a0]|-)(${SPELLINGS.join('|')})(?![\\p{L}\\p{N}])`, 'iuy');
/**
 * A short symbol touching the number or after one space ("2GB", "2 GHz", "15''", "5 km").
 * Case-sensitive so "5 m" of a sentence is not read as metres.
 */
const UNIT_SYMBOL =
  /([ \u00a0]?)(km\/h|km2|kms|km|cm|mm|kg|mg|lbs?|oz|ft|mph|kph|bpd|[KMGT]B|kbps|Mbps|Gbps|[kMG]?Hz|[kMG]Wh?|mAh|MP|°[CF]|''|″)(?![\p{L}\p{N}])/uy;
/** One-letter symbols that must touch the number ("100m", "5g", "60W"); "200 W." is a street. */
const UNIT_TOUCHING = /(m|g|W|V|C|F)(?![\p{L}\p{N}])/uy;

/** A unit read after a number. */
export interface ReadUnit {
  unit: string;
  end: number;
}

/** Reads a unit of measure starting at `pos` (right after the number), or undefined. */
export function readUnit(text: string, pos: number): ReadUnit | undefined {
  UNIT_SYMBOL.lastIndex = pos;
  let m = UNIT_SYMBOL.exec(text);
  if (m) {
    // A symbol after a space must not be the start of a sentence-like token ("5 W" is fine, "5 V." rare).
    const key = m[2].toLowerCase();
    return { unit: CANONICAL[key] ?? m[2], end: m.index + m[0].length };
  }
  UNIT_WORD.lastIndex = pos;
  m = UNIT_WORD.exec(text);
  if (m) {
    const key = m[1].toLowerCase().replace(/[\u00a0-]/g, ' ');
    return { unit: CANONICAL[key] ?? key, end: m.index + m[0].length };
  }
  UNIT_TOUCHING.lastIndex = pos;
  m = UNIT_TOUCHING.exec(text);
  // "40C" and "100F" are temperatures; the degree sign is often left out.
  if (m) return { unit: m[1] === 'C' || m[1] === 'F' ? `°${m[1]}` : m[1], end: m.index + m[0].length };
  return undefined;
}
