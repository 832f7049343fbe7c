// Languages, checked without and with a browser. Run by
// `cargo test -p tally-server --test api browser`.
//
// (a) The vendored @fluent/bundle is byte for byte the npm package's.
// (b) The untranslated list: per message file (domain), the English ids
//     that German, French, Spanish or Arabic lack, printed and failing;
//     every `t('id')` in the pages' scripts exists in English; no
//     translation uses a variable its English message lacks; every file
//     parses; every problem code the API can send has its message.
// (c) A message missing in German falls back to English on the page.
// (d) A browser asking for de-DE gets German, ar gets right-to-left, an
//     unknown language gets English; the switch changes the language at
//     once and this browser remembers it.
// (e) axe-core finds no violation of any impact on the pages, in English
//     and in Arabic, and screenshots in Arabic at 1280×720 and 390 px.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@fluent/syntax';
import { log, figures, context, axe, shot, until, finish } from './harness.mjs';
import { contestPages } from './i18n-pages.mjs';

const ASSETS = new URL('../assets/', import.meta.url).pathname;
const HTTP_SRC = new URL('../../tally-http/src/', import.meta.url).pathname;
const LOCALES = ['en', 'de', 'fr', 'es', 'ar'];
const files = (dir, ext) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  if (statSync(path).isDirectory()) return files(path, ext);
  return path.endsWith(ext) ? [path] : [];
});

// ---- (a) the vendored library is the published one ----
const vendored = join(ASSETS, 'vendor/fluent-bundle');
const published = new URL('./node_modules/@fluent/bundle/esm/', import.meta.url).pathname;
const js = (dir) => readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
assert.deepEqual(js(vendored), js(published), 'the vendored files are the package\'s esm/ files');
const differing = js(published).filter((f) => !readFileSync(join(published, f)).equals(readFileSync(join(vendored, f))));
assert.deepEqual(differing, [], 'vendored @fluent/bundle files differ from npm\'s @fluent/bundle@0.19.1');
const version = JSON.parse(readFileSync(new URL('./node_modules/@fluent/bundle/package.json', import.meta.url))).version;
figures['vendored @fluent/bundle'] = `${js(published).length} files identical to npm's ${version}`;

// ---- (b) the untranslated list ----
// Each message's id, the variables it uses, and whether it has a value.
function messagesOf(path) {
  const resource = parse(readFileSync(path, 'utf8'), { withSpans: false });
  const junk = resource.body.filter((e) => e.type === 'Junk');
  assert.deepEqual(junk.map((j) => `${path}: ${j.annotations.map((a) => a.message).join('; ')}: ${j.content.trim().slice(0, 80)}`), [], 'every message file parses');
  const out = new Map();
  for (const entry of resource.body) {
    if (entry.type !== 'Message' && entry.type !== 'Term') continue;
    const vars = new Set();
    const walk = (node) => {
      if (!node || typeof node !== 'object') return;
      if (node.type === 'VariableReference') vars.add(node.id.name);
      for (const v of Object.values(node)) walk(v);
    };
    walk(entry.value);
    walk(entry.attributes);
    const id = entry.type === 'Term' ? `-${entry.id.name}` : entry.id.name;
    assert.ok(!out.has(id), `${path}: ${id} is defined twice`);
    out.set(id, { vars, value: !!entry.value });
  }
  return out;
}
const domainsOf = (tag) => readdirSync(join(ASSETS, 'locales', tag)).filter((f) => f.endsWith('.ftl')).map((f) => f.slice(0, -4)).sort();
const domains = domainsOf('en');
const catalog = {};
for (const tag of LOCALES) {
  catalog[tag] = {};
  for (const d of domainsOf(tag)) catalog[tag][d] = messagesOf(join(ASSETS, 'locales', tag, `${d}.ftl`));
}
const untranslated = [];
const extraVars = [];
const stale = [];
for (const d of domains) {
  const en = catalog.en[d];
  for (const tag of LOCALES.slice(1)) {
    const there = catalog[tag][d] || new Map();
    for (const id of en.keys()) if (!there.has(id)) untranslated.push(`${tag}/${d}.ftl: ${id}`);
    for (const [id, m] of there) {
      if (!en.has(id)) { stale.push(`${tag}/${d}.ftl: ${id}`); continue; }
      const lacking = [...m.vars].filter((v) => !en.get(id).vars.has(v));
      if (lacking.length) extraVars.push(`${tag}/${d}.ftl: ${id} uses $${lacking.join(', $')}, which English does not pass`);
    }
  }
}
for (const tag of LOCALES.slice(1)) {
  for (const d of Object.keys(catalog[tag])) if (!domains.includes(d)) stale.push(`${tag}/${d}.ftl: a domain English lacks`);
}
const englishIds = new Set(domains.flatMap((d) => [...catalog.en[d].keys()]));
log(`message files: ${domains.length} domains (${domains.join(', ')}), ${englishIds.size} English messages`);
log(`untranslated (${untranslated.length}):${untranslated.length ? `\n  ${untranslated.join('\n  ')}` : ' none'}`);
if (stale.length) log(`in a translation but not in English (unused, ${stale.length}):\n  ${stale.join('\n  ')}`);
figures['untranslated messages'] = untranslated.length;
figures['messages per language'] = LOCALES.map((tag) => `${tag} ${Object.values(catalog[tag]).reduce((n, m) => n + m.size, 0)}`).join(', ');
assert.deepEqual(untranslated, [], 'every English message is translated into de, fr, es and ar');
assert.deepEqual(extraVars, [], 'no translation uses a variable its English message lacks');

// Every literal id the scripts ask for exists in English: `t('id')`,
// `t("id")` and `t(`id`)` without a placeholder.
const scripts = files(join(ASSETS, 'js'), '.js');
const asked = new Map();
for (const path of scripts) {
  for (const m of readFileSync(path, 'utf8').matchAll(/\bt\(\s*(['"`])([a-z][a-z0-9_-]*)\1/g)) {
    if (!asked.has(m[2])) asked.set(m[2], path.slice(ASSETS.length));
  }
}
const unknown = [...asked].filter(([id]) => !englishIds.has(id)).map(([id, path]) => `${path}: t('${id}')`);
figures['ids asked for by the scripts'] = `${asked.size} in ${scripts.length} files, ${unknown.length} missing in English`;
assert.ok(asked.size > 100, `found ${asked.size} t('…') calls: the scan works`);
assert.deepEqual(unknown, [], 'every t(\'id\') in assets/js has an English message');

// Every problem code the API can send has its `error-<code>` message
// (read from the handlers' and errors' sources), so that no page falls
// back to a vaguer status message for a known code.
const codes = new Set();
const CODE = '"([a-z]+(?:_[a-z]+)*)"';
const sources = files(HTTP_SRC, '.rs').map((path) => [path, readFileSync(path, 'utf8')]);
// Functions and closures that take a problem code (`code: &'static str`,
// `|code|`): a literal passed to them is a code too.
const takers = new Set(['new', 'bad_request', 'conflict', 'unauthorized', 'forbidden']);
for (const [, src] of sources) {
  for (const m of src.matchAll(/fn (\w+)\([^)]*\bcode: &'static str/g)) takers.add(m[1]);
  for (const m of src.matchAll(/let (\w+) = \|[^|]*\bcode\b[^|]*\|/g)) takers.add(m[1]);
}
takers.delete('new'); // Problem::new is matched above; other types' new are not codes
for (const [path, src] of sources) {
  const found = [
    // Problem::new(StatusCode::X, "code", …), Problem::bad_request("code", …)
    ...src.matchAll(new RegExp(`(?:Problem::\\w+|Self::new)\\(\\s*(?:[\\w:]*StatusCode::\\w+,\\s*)?${CODE}`, 'g')),
    // (StatusCode::X, "code") as a match picks the status and code
    ...src.matchAll(new RegExp(`[\\w:]*StatusCode::\\w+,\\s*${CODE}`, 'g')),
    // for_status's ("code", "detail")
    ...src.matchAll(new RegExp(`=>\\s*\\(\\s*${CODE},`, 'g')),
    // a call of a function or closure that takes a code
    ...[...takers].flatMap((name) => [...src.matchAll(new RegExp(`\\b${name}\\((?:[^()";]|\\([^()]*\\))*?${CODE}`, 'g'))]),
    // where errors are mapped, a match may pick the code (one per reason)
    ...(/\/(errors|problem|problems)\.rs$/.test(path) ? src.matchAll(new RegExp(`=>\\s*${CODE},`, 'g')) : []),
  ];
  for (const m of found) codes.add(m[1]);
}
log(`problem codes in crates/tally-http/src (${codes.size}): ${[...codes].sort().join(' ')}`);
const uncovered = [...codes].sort().filter((c) => !catalog.en.common.has(`error-${c}`));
figures['problem codes with a message'] = `${codes.size - uncovered.length} of ${codes.size}`;
assert.ok(codes.size > 40, `found ${codes.size} problem codes: the scan works`);
assert.deepEqual(uncovered, [], 'every problem code has an error-<code> message in en/common.ftl');

// ---- (c) a missing German message falls back to English ----
const german = await context({ locale: 'de-DE', viewport: { width: 1280, height: 720 } });
const page = await german.newPage();
// German served without one message, as if its translator had missed it.
await page.route('**/assets/locales/de/home.ftl', async (route) => {
  const res = await route.fetch();
  const text = (await res.text()).split('\n').filter((l) => !l.startsWith('home-new =')).join('\n');
  await route.fulfill({ response: res, body: text });
});
await page.goto('/');
await page.waitForSelector('#new-deck');
const de = (id) => catalog.de.home.has(id) && readFileSync(join(ASSETS, 'locales/de/home.ftl'), 'utf8').match(new RegExp(`^${id} = (.*)$`, 'm'))[1];
const en = (id) => readFileSync(join(ASSETS, 'locales/en/home.ftl'), 'utf8').match(new RegExp(`^${id} = (.*)$`, 'm'))[1];
assert.equal(await page.textContent('#new-contest'), de('home-new-contest'), 'the page is in German');
assert.equal(await page.textContent('#new-deck'), en('home-new'), 'the missing German message shows in English');
const fromModule = await page.evaluate(async () => {
  const i18n = await import('/assets/js/i18n.js');
  return [i18n.locale(), i18n.t('home-new'), i18n.t('home-mine'), i18n.t('no-such-message')];
});
assert.deepEqual(fromModule, ['de', en('home-new'), de('home-mine'), 'no-such-message']);
figures['fallback'] = `de page without home-new shows "${fromModule[1]}"`;
await german.close();

// ---- (d) the browser's language, right to left, and the switch ----
async function opened(locale) {
  const ctx = await context({ locale, viewport: { width: 1280, height: 720 } });
  const p = await ctx.newPage();
  await p.goto('/');
  await p.waitForSelector('#new-deck');
  return [ctx, p, await p.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.getElementById('new-deck').textContent])];
}
const homeIn = (tag) => readFileSync(join(ASSETS, `locales/${tag}/home.ftl`), 'utf8').match(/^home-new = (.*)$/m)[1];
const negotiated = {};
for (const [asked_, want] of [['de-DE', ['de', 'ltr']], ['ar', ['ar', 'rtl']], ['fr-CA', ['fr', 'ltr']], ['ja-JP', ['en', 'ltr']]]) {
  const [ctx, , got] = await opened(asked_);
  assert.deepEqual(got, [...want, homeIn(want[0])], `a browser asking for ${asked_}`);
  negotiated[asked_] = got.slice(0, 2).join('/');
  await ctx.close();
}
figures['negotiation'] = Object.entries(negotiated).map(([k, v]) => `${k} → ${v}`).join(', ');
// The switch: Spanish at once, without a reload, then kept after one.
const [switching, sp] = await opened('de-DE');
// The first editor, behind home's "Quick form": a draft typed there
// survives the switch (the form is drawn open again).
await sp.click('#quick-form > summary');
await sp.fill('#q-0', 'Kept while switching?');
await sp.selectOption('#locale-switch', 'es');
await sp.waitForFunction((want) => document.getElementById('new-deck').textContent === want, homeIn('es'));
assert.equal(await sp.evaluate(() => document.documentElement.lang), 'es');
assert.equal(await sp.inputValue('#q-0'), 'Kept while switching?', 'the draft survives a switch');
assert.equal(await sp.evaluate(() => document.activeElement.id), 'locale-switch', 'focus stays on the switch');
await sp.reload();
await sp.waitForSelector('#new-deck');
assert.equal(await sp.textContent('#new-deck'), homeIn('es'), 'the choice is remembered');
await sp.selectOption('#locale-switch', 'ar');
await sp.waitForFunction(() => document.documentElement.dir === 'rtl');
assert.equal(await sp.textContent('#new-deck'), homeIn('ar'));
figures['switch'] = 'de → es at once (draft kept), es after a reload, ar right to left';
await switching.close();

// ---- (e) every page of this part, in English and in Arabic ----
const pages = [{ name: 'home', path: '/', ready: '#new-deck' }, ...await contestPages()];
const switched = [];
for (const tag of ['en', 'ar']) {
  for (const size of [{ width: 1280, height: 720 }, { width: 390, height: 844, isMobile: true, hasTouch: true }]) {
    const { width, height, ...device } = size;
    const ctx = await context({ locale: tag, viewport: { width, height }, ...device });
    const p = await ctx.newPage();
    for (const { name, path, ready, secret, check } of pages) {
      // A fragment alone would not load the page again.
      await p.goto('about:blank');
      if (secret) await p.goto(`${path}#${secret}`);
      else await p.goto(path);
      await p.waitForSelector(ready);
      assert.equal(await p.evaluate(() => document.documentElement.lang), tag, `${name} in ${tag}`);
      // No text is left in English on an Arabic page (the ids are all
      // translated, so none may show as its id either).
      const ids = await p.evaluate((known) => [...document.querySelectorAll('body *')]
        .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()))
        .filter((s) => known.includes(s)), [...englishIds]);
      assert.deepEqual(ids, [], `${name} in ${tag}: no message shows as its id`);
      // Nothing sticks out sideways (a right-to-left page overflows to the
      // left, where a phone cannot see it).
      const sideways = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(sideways[0] <= sideways[1], `${name} in ${tag} at ${width} px scrolls sideways: ${sideways.join(' > ')}`);
      // A page's own checks (the contest pages': directions, Latin left in Arabic).
      if (check) figures[`directions ${name} ${tag} ${width}`] = await check(p, tag, `${name} in ${tag} at ${width} px`);
      await axe(p, `${name} ${tag} ${width}`, { all: true });
      if (tag === 'ar') await shot(p, `i18n-${name}-ar-${width}`);
      if (tag === 'en' && width === 1280) {
        // Every page's switch redraws it in place, focus kept on the switch.
        const before = await p.textContent('body');
        await p.selectOption('#locale-switch', 'de');
        await p.waitForFunction(() => document.documentElement.lang === 'de');
        await p.waitForSelector(ready);
        await until(`${name} redrawn in German`, async () => (await p.textContent('body')) !== before);
        assert.equal(await p.evaluate(() => document.activeElement.id), 'locale-switch', `${name}: focus stays on the switch`);
        await p.selectOption('#locale-switch', 'en');
        await p.waitForFunction(() => document.documentElement.lang === 'en');
        switched.push(name);
      }
    }
    await ctx.close();
  }
}
figures['pages checked'] = pages.map((p) => p.name).join(', ');
figures['switched to German and back in place'] = switched.join(', ');
assert.equal(switched.length, pages.length);
await finish('i18n');
