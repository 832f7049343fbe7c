// Home's two lists: the presentations and the contests this browser holds
// the keys of, each with what the server says of it now. This browser
// remembers a title from when it made or last saw the item; the server's
// is the one shown once it answers (the deck editor, another browser or a
// co-host may have renamed it), and is kept here for the next visit.
import { h } from './dom.js';
import { api } from './api.js';
import { decks, forget, retitle } from './deck.js';
import { heldContests, holdContest, forgetContest } from './contest-key.js';
import { t, locale } from './i18n.js';

// What the server answered, by id: `{gone: true}` after a 404, else the
// fields shown. No entry yet (or a failed request) shows what this
// browser remembers.
const server = new Map();

const newestFirst = (a, b) => String(b.created_at || '').localeCompare(String(a.created_at || ''));

export function held() {
  return {
    decks: decks().slice().sort(newestFirst),
    contests: heldContests().sort(newestFirst),
  };
}

const titleOf = (item) => server.get(item.id)?.title || item.title || t('home-untitled');

// Asks the server about every item held, in parallel; `changed` is called
// as each answer arrives. Public reads: no key is sent.
export function ask(changed) {
  const { decks: ds, contests: cs } = held();
  const one = (item, path, take) => api('GET', path, { attempts: 3 })
    .then((data) => server.set(item.id, take(data)))
    .catch((e) => { if (e.status === 404) server.set(item.id, { gone: true }); })
    .then(changed);
  for (const d of ds) {
    one(d, `/presentations/${d.id}/settings`, (s) => {
      // A deck without a title set is called by its first question, as
      // this browser remembers it.
      if (s.title) retitle(d.id, s.title);
      return { title: s.title || '' };
    });
  }
  for (const c of cs) {
    one(c, `/contests/${c.id}`, (k) => {
      holdContest({ id: c.id, title: k.title, created_at: c.created_at });
      return { title: k.title, contestants: k.contestants.length, rounds: k.rounds.length };
    });
  }
}

// Letters without their accents or vowel marks and in one case, so that
// "cafe" finds "Café" and a search in Arabic ignores the harakat.
const folded = (s) => String(s || '').normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

// Whether an item answers the search: its title, or (typed with or
// without spaces) its join code.
export function matches(item, query) {
  const q = folded(query).trim();
  if (!q) return true;
  if (folded(titleOf(item)).includes(q)) return true;
  const digits = q.replace(/\s+/g, '');
  return /^\d+$/.test(digits) && String(item.join_code || '').includes(digits);
}

// A date this browser wrote (toISOString); one it cannot read shows as a
// dash rather than throw and leave the page undrawn.
const when = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '–' : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};

// A link styled as a button, with a name that says which item it acts on
// (a list of "Edit" links reads as one word over and over otherwise).
const action = (id, href, text, label, extra = {}) => h('a', { class: 'button secondary', id, href, 'aria-label': label, ...extra }, text);

function forgetButton(id, title, confirmText, drop, gone) {
  return h('button', {
    type: 'button', class: 'danger', id: `forget-${id}`, 'aria-label': t('home-forget-label', { title }),
    onclick: () => {
      if (!confirm(confirmText)) return;
      drop(id);
      gone();
    },
  }, t('home-forget'));
}

// An item the server no longer has (deleted, or the server's data reset):
// said so, and only Forget is left.
const goneItem = (id, title, forgetIt) => h('li', { class: 'home-item gone', 'data-id': id, 'data-state': 'gone' },
  h('div', { class: 'home-item-info' },
    h('span', { class: 'home-item-title item-title' }, h('bdi', {}, title)),
    h('span', { class: 'home-item-meta' }, h('span', { class: 'tag' }, t('home-gone-tag')), ' ', t('home-gone'))),
  h('div', { class: 'home-item-actions' }, forgetIt));

// One presentation. `forgotten` redraws the lists after a Forget.
export function deckItem(d, forgotten) {
  const title = titleOf(d);
  const was = server.get(d.id) || {};
  const forgetIt = forgetButton(d.id, title, t('home-forget-confirm', { title }), forget, forgotten);
  if (was.gone) return goneItem(d.id, title, forgetIt);
  return h('li', { class: 'home-item', 'data-id': d.id },
    h('div', { class: 'home-item-info' },
      h('span', { class: 'home-item-title item-title' }, h('bdi', {}, title)),
      h('span', { class: 'home-item-meta' }, t('home-deck-meta', { code: d.join_code, created: when(d.created_at) }))),
    h('div', { class: 'home-item-actions' },
      action(`edit-${d.id}`, `/edit/${d.id}`, t('home-edit'), t('home-edit-label', { title })),
      h('a', { class: 'button', id: `console-${d.id}`, href: `/present/${d.id}`, 'aria-label': t('home-console-label', { title }) }, t('home-console')),
      action(`screen-${d.id}`, `/screen/${d.id}`, t('home-big-screen'), t('home-big-screen-label', { title }), { target: '_blank', rel: 'noopener' }),
      forgetIt));
}

// One contest: its page, and Forget.
export function contestItem(c, forgotten) {
  const title = titleOf(c);
  const was = server.get(c.id) || {};
  const forgetIt = forgetButton(c.id, title, t('home-contest-forget-confirm', { title }), forgetContest, forgotten);
  if (was.gone) return goneItem(c.id, title, forgetIt);
  return h('li', { class: 'home-item', 'data-id': c.id },
    h('div', { class: 'home-item-info' },
      h('span', { class: 'home-item-title item-title' }, h('bdi', {}, title)),
      was.title ? h('span', { class: 'home-item-meta' }, t('home-contest-meta', { contestants: was.contestants, rounds: was.rounds })) : null),
    h('div', { class: 'home-item-actions' },
      h('a', { class: 'button', id: `open-${c.id}`, href: `/contest/${c.id}`, 'aria-label': t('home-contest-open-label', { title }) }, t('home-contest-open')),
      forgetIt));
}
