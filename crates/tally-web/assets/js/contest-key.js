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

// The contests this browser holds a `contest` secret of (the owner's, a
// co-host's or a moderator's), for the home page: `{id, title,
// created_at}`, created_at being when this browser first held it. Pages
// before this list kept only the secret, so a secret without an entry is
// listed too (untitled until the server answers); an entry whose secret
// is gone is not.
const CONTESTS = 'tally.contests';
const KEY = /^tally\.contest\.([0-9a-f-]{36})$/;
export function heldContests() {
  const listed = store.get(CONTESTS, []).filter((c) => keyOf(c.id));
  const ids = new Set(listed.map((c) => c.id));
  const keys = [];
  try {
    for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i));
  } catch {
    // Storage off: nothing is held.
  }
  const older = keys.map((k) => (k || '').match(KEY)).filter((m) => m && !ids.has(m[1]))
    .map((m) => ({ id: m[1], title: '', created_at: '' }));
  return [...listed, ...older];
}

// Called by the organiser's page once the contest loaded (or was made),
// and by the home page: the title as the server has it, the first date
// kept, the place in the list kept. (Home passes an older page's contest
// its empty date, which keeps it below those held since.)
export function holdContest({ id, title, created_at = new Date().toISOString() }) {
  const list = store.get(CONTESTS, []);
  const held = list.find((c) => c.id === id);
  if (held) held.title = title;
  else list.unshift({ id, title, created_at });
  store.set(CONTESTS, list);
}

export function forgetContest(id) {
  store.remove(`tally.contest.${id}`);
  store.set(CONTESTS, store.get(CONTESTS, []).filter((c) => c.id !== id));
}

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
