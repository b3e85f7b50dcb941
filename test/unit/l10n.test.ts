import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { getL10nJson } from '@vscode/l10n-dev';

// The extension can be translated: every user-facing string of package.json is a %key% of
// package.nls.json, and every l10n.t string of the client, its dashboard and the charts is in
// l10n/bundle.l10n.json (`npm run l10n` regenerates it), so translators get complete bundles.
const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
/** Every .ts file under a folder of the repository, recursively. */
const sourcesUnder = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));

describe('localisation', () => {
  it('every %key% of package.json is in package.nls.json, and every key there is used', () => {
    const manifest = read('package.json');
    const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 30, `package.json uses nls keys (${used.size})`);
    assert.deepEqual([...used].filter((k) => !Object.hasOwn(nls, k)), [], 'keys missing from package.nls.json');
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'keys of package.nls.json that package.json never uses');
    const pkg = JSON.parse(manifest) as { contributes: { commands: { title: string }[]; configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } } };
    for (const command of pkg.contributes.commands) assert.match(command.title, /^%.+%$/, `command title ${command.title} is localisable`);
    for (const [name, setting] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.match(setting.markdownDescription ?? setting.description ?? '', /^%.+%$/, `${name} has a localisable description`);
    }
  });

  it('l10n/bundle.l10n.json holds exactly the l10n.t strings of the client, the dashboard and the charts', async () => {
    const sources = [...sourcesUnder('client/src'), ...sourcesUnder('charts')];
    assert.ok(sources.some((f) => f.includes('webview')), 'the dashboard webview is read');
    const files = sources.map((f) => ({ contents: read(f), extension: '.ts' }));
    const extracted = await getL10nJson(files);
    // The dashboard's own words are there: it is translated like the rest.
    for (const key of ['Clear period', 'Figures over time', 'Show the {0} as a table', 'week of {0}', 'all dates']) assert.ok(Object.hasOwn(extracted, key), key);
    const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, unknown>;
    assert.ok(Object.keys(extracted).length > 30);
    assert.deepEqual(Object.keys(bundle).sort(), Object.keys(extracted).sort(), 'run `npm run l10n` to regenerate the bundle');
  });

  it('shows no hard-coded English in the client\'s messages', () => {
    const offenders: string[] = [];
    for (const file of sourcesUnder('client/src')) {
      const text = read(file);
      for (const m of text.matchAll(/show(?:Information|Warning|Error)Message\(\s*(['`"])/g)) offenders.push(`${file}: ${text.slice(m.index, m.index + 60)}`);
      for (const m of text.matchAll(/(?:placeHolder|prompt|tooltip|title): (['`"])[A-Z][a-z]/g)) offenders.push(`${file}: ${text.slice(m.index, m.index + 60)}`);
      // The dashboard page: labels, placeholders, texts and buttons.
      for (const m of text.matchAll(/(?:'aria-label'|placeholder|text|label): (['`"])([A-Za-z][^'`"]*)|button\((['`"])([A-Z][a-z][^'`"]*)/g)) {
        // Names stay as they are in every language.
        if (!['Corpus Lens', 'CSV', 'JSON Lines'].includes(m[2] ?? m[4])) offenders.push(`${file}: ${text.slice(m.index, m.index + 60)}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('draws the dashboard in the reader\'s language when VS Code has a translation, and in English without one', async () => {
    const charts = await import('../../charts');
    const data = { bucket: 'week' as const, periods: ['2024-01-01', '2024-01-08'], articles: [3, 1], series: [], unknown: [] };
    const english = charts.describeTimeline(data as never, { mode: 'stacked' });
    assert.equal(english, 'Articles per week in the corpus, week of 1 Jan 2024 to week of 8 Jan 2024. Period selected: all dates.');
    // What the webview does with vscode.l10n.bundle (webview/locale.ts).
    l10n.config({
      contents: {
        'Articles per week in the corpus': 'Artikel pro Woche im Korpus',
        'week of {0}': 'Woche vom {0}',
        Jan: 'Jän',
        '{0} to {1}': '{0} bis {1}',
        '{0}, {1}. Period selected: {2}.': '{0}, {1}. Gewählter Zeitraum: {2}.',
        'all dates': 'alle Daten',
        'from {0}': 'ab {0}',
      },
    });
    try {
      assert.equal(charts.describeTimeline(data as never, { mode: 'stacked' }), 'Artikel pro Woche im Korpus, Woche vom 1 Jän 2024 bis Woche vom 8 Jän 2024. Gewählter Zeitraum: alle Daten.');
      assert.equal(charts.describePeriod({ from: '2024-01-05' }), 'ab 5 Jän 2024');
      // A word the translation lacks stays English, never empty.
      assert.equal(charts.describePeriod({ to: '2024-01-05' }), 'until 5 Jän 2024');
    } finally {
      l10n.config({ contents: {} });
    }
    assert.equal(charts.describeTimeline(data as never, { mode: 'stacked' }), english);
  });

  it('puts the translation on the dashboard page as data, escaped, with the display language', async () => {
    const { dashboardHtml } = await import('../../client/src/dashboard/html');
    const bundle = { 'Clear period': 'Zeitraum löschen', 'Figures over time: {0}': '"</div><script>alert(1)</script>' };
    const page = dashboardHtml({ scriptUri: 'x.js', styleUri: 'x.css', cspSource: 'self', nonce: 'n', language: 'de', bundle, title: 'Übersicht <1>', loading: 'Lädt…' });
    assert.match(page, /<html lang="de">/);
    assert.match(page, /<title>Übersicht &#60;1&#62;<\/title>/);
    assert.ok(!page.includes('<script>alert'), 'a translation cannot write markup into the page');
    const attribute = /data-l10n="([^"]*)"/.exec(page)?.[1];
    assert.ok(attribute, 'the bundle is on the page');
    const decoded = attribute.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    assert.deepEqual(JSON.parse(decoded), bundle);
    assert.ok(!dashboardHtml({ scriptUri: 'x.js', styleUri: 'x.css', cspSource: 'self', nonce: 'n' }).includes('data-l10n'), 'English: no bundle');
  });
});
