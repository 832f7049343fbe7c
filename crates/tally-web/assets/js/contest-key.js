// Contest secrets in this browser, taken from invite links' fragments
// (`takeFragmentSecret`). Requests send them only in the Authorization
// header.
//
// Each page keeps its own kind of secret (`contest`: the owner's or a
// co-host's; `judge`; `feedback`), so that an organiser who opens a judge's
// or a contestant's link to check it keeps their own secret.
import { store, h, fill, takeFragmentSecret } from './dom.js';
import { t, ensureLocale } from './i18n.js';
import { localeSwitch } from './locale-switch.js';

export const keyOf = (id, kind = 'contest') => store.get(`tally.${kind}.${id}`);
export const keep = (id, token, kind = 'contest') => store.set(`tally.${kind}.${id}`, token);

// The secret from the fragment if there is one, else the one this browser
// holds (see `takeFragmentSecret`).
export const takeKey = (id, kind = 'contest', keepHeld) =>
  takeFragmentSecret(`tally.${kind}.${id}`, keepHeld);

export const contestIdIn = (prefix) => {
  const m = location.pathname.match(new RegExp(`^/${prefix}/([0-9a-f-]{36})(?:/([0-9a-f-]{36}))?/?$`, 'i'));
  return m ? [m[1].toLowerCase(), (m[2] || '').toLowerCase()] : ['', ''];
};

// A page without a secret offers to take one (pasted), nothing else.
// `kind` says whose secret the page wants (the organiser's, a judge's, a
// contestant's), and so what to ask for.
export async function askForKey(app, id, title, kind = 'contest') {
  await ensureLocale();
  const input = h('input', { id: 'key', type: 'password', autocomplete: 'off', required: true });
  const missing = { contest: t('key-missing-contest'), judge: t('key-missing-judge'), feedback: t('key-missing-feedback') }[kind];
  fill(app,
    h('div', { class: 'page-head' }, h('h1', {}, title), localeSwitch()),
    h('div', { class: 'notice error', role: 'alert' }, missing),
    h('form', { class: 'card stack', onsubmit: (e) => {
      e.preventDefault();
      if (!input.value.trim()) return;
      keep(id, input.value.trim(), kind);
      location.reload();
    } },
    h('label', { for: 'key' }, t('key-label')), input,
    h('button', { type: 'submit' }, t('key-use'))));
}
