// Writes the `regions` section of every locale file: the name of each country of
// web/src/platform/admin/countries.json in that language, from the Unicode CLDR data in Node.js's
// ICU (full-icu). Browsers' own names (Intl.DisplayNames) are not enough: Debian's Chromium has no
// Khmer or Burmese names, so a Khmer page said "Vietnam". Run after changing the country list or
// Node.js: `node web/src/i18n/tools/region-names.mjs`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const here = new URL('../', import.meta.url);
const countries = JSON.parse(readFileSync(new URL('../platform/admin/countries.json', here), 'utf8'));
const codes = [...countries.asean, ...countries.other].sort();
const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

for (const file of readdirSync(new URL('locales/', here)).filter((f) => f.endsWith('.json'))) {
  const lang = file.replace(/\.json$/, '');
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const path = new URL(`locales/${file}`, here);
  const resource = JSON.parse(readFileSync(path, 'utf8'));
  resource.regions = Object.fromEntries(codes.map((code) => [code, names.of(code) ?? english.of(code)]));
  writeFileSync(path, `${JSON.stringify(resource, null, 2)}\n`);
}
