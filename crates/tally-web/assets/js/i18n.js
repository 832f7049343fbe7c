// The pages' words, in the audience's language. Messages are Project
// Fluent (`assets/locales/{locale}/{domain}.ftl`), formatted by Mozilla's
// @fluent/bundle (vendored, see `assets/vendor/fluent-bundle/README.md`):
// a maintained format whose plurals and selectors follow each language's
// own rules (Arabic has six plural forms), which a key-to-string table
// cannot express. A message missing in the chosen language falls back to
// English, and a message missing in English shows its id, which the tests
// catch.
import { FluentBundle, FluentResource } from '../vendor/fluent-bundle/index.js';

// The languages shipped, each named in itself for the switch.
export const LOCALES = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', ar: 'العربية' };
const RTL = new Set(['ar']);
const CHOSEN = 'tally.locale';

let current = 'en';
let bundles = [];
let loaded = [];

// The first of the browser's languages that Tally speaks, else English.
export function negotiate(wanted = navigator.languages || [navigator.language]) {
  for (const tag of wanted || []) {
    const base = String(tag || '').toLowerCase().split('-')[0];
    if (base in LOCALES) return base;
  }
  return 'en';
}

// What this browser chose with the switch, else what it asks for.
export function preferredLocale() {
  try {
    const chosen = localStorage.getItem(CHOSEN);
    if (chosen && chosen in LOCALES) return chosen;
  } catch {
    // Storage can be off (private mode): the browser's languages decide.
  }
  return negotiate();
}

export const locale = () => current;
export const isRtl = (tag = current) => RTL.has(tag);

async function bundleOf(tag, domains) {
  const bundle = new FluentBundle(tag, { useIsolating: false });
  const texts = await Promise.all(domains.map((d) => fetch(`/assets/locales/${tag}/${d}.ftl`)
    .then((r) => (r.ok ? r.text() : ''))
    .catch(() => '')));
  for (const text of texts) bundle.addResource(new FluentResource(text));
  return bundle;
}

// Loads the messages of `domains` (always with `common`) in `tag` and in
// English, and sets the document's language and direction.
export async function loadLocale(tag = preferredLocale(), domains = loaded) {
  const want = tag in LOCALES ? tag : 'en';
  loaded = [...new Set(['common', ...domains])];
  const chain = want === 'en' ? ['en'] : [want, 'en'];
  bundles = await Promise.all(chain.map((l) => bundleOf(l, loaded)));
  current = want;
  document.documentElement.lang = want;
  document.documentElement.dir = isRtl(want) ? 'rtl' : 'ltr';
  return want;
}

// The messages loaded so far, or `common` in the preferred language if
// none yet: for shared pieces (a key prompt) that a page may draw before
// it loaded its own domain.
export function ensureLocale() {
  return bundles.length ? Promise.resolve(current) : loadLocale();
}

// The switch's choice: remembered, loaded, and announced to the page
// (a `localechange` event on window), which draws itself again.
export async function setLocale(tag) {
  try {
    localStorage.setItem(CHOSEN, tag);
  } catch {
    // Not remembered, but still applied.
  }
  await loadLocale(tag);
  dispatchEvent(new CustomEvent('localechange', { detail: current }));
}

// Whether a message exists in the chosen language or in English.
export function has(id) {
  return bundles.some((b) => b.hasMessage(id));
}

// A message formatted with `args`; its id if no bundle has it.
export function t(id, args) {
  for (const bundle of bundles) {
    const message = bundle.getMessage(id);
    if (message && message.value) return bundle.formatPattern(message.value, args);
  }
  return id;
}

// A number as the chosen language writes it.
export function num(n, options) {
  return new Intl.NumberFormat(current, options).format(n);
}

// What to tell a person about a failed request: the message for the
// problem's stable code (`error-<code>`), else one for its status, never
// the server's English detail.
export function errorText(error) {
  const code = error && error.code;
  if (code && has(`error-${code}`)) return t(`error-${code}`);
  if (error && error.status === 0) return t('error-offline');
  if (error && error.status >= 500) return t('error-unavailable');
  if (error && error.status === 429) return t('error-busy');
  if (error && (error.status === 401 || error.status === 403)) return t('error-denied');
  if (error && error.status === 404) return t('error-not-found');
  if (error && error.status === 409) return t('error-conflict');
  if (error && error.status >= 400) return t('error-invalid');
  return t('error-offline');
}
