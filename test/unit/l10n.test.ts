import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { getL10nJson } from '@vscode/l10n-dev';

// The extension can be translated: every user-facing string of package.json is a %key% of
// package.nls.json, and every vscode.l10n.t string of the client is in l10n/bundle.l10n.json
// (`npm run l10n` regenerates it), so translators get complete bundles.
const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

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

  it('l10n/bundle.l10n.json holds exactly the client\'s vscode.l10n.t strings', async () => {
    const dir = path.join(root, 'client', 'src');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => ({ contents: readFileSync(path.join(dir, f), 'utf8'), extension: '.ts' }));
    const extracted = await getL10nJson(files);
    const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, unknown>;
    assert.ok(Object.keys(extracted).length > 30);
    assert.deepEqual(Object.keys(bundle).sort(), Object.keys(extracted).sort(), 'run `npm run l10n` to regenerate the bundle');
  });

  it('shows no hard-coded English in the client\'s messages', () => {
    const dir = path.join(root, 'client', 'src');
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/show(?:Information|Warning|Error)Message\(\s*(['`"])/g)) offenders.push(`${file}: ${text.slice(m.index, m.index + 60)}`);
      for (const m of text.matchAll(/(?:placeHolder|prompt|tooltip|title): (['`"])[A-Z][a-z]/g)) offenders.push(`${file}: ${text.slice(m.index, m.index + 60)}`);
    }
    assert.deepEqual(offenders, []);
  });
});
