// Home: the two ways in (a new presentation in the deck editor, a new
// contest), then what this browser holds, found by one search, and at the
// foot the first editor as a collapsed "Quick form", loaded only when it is
// opened. Keys never leave this browser but in the Authorization header;
// the lists read only the public titles.
import { h, fill } from './dom.js';
import { loadLocale, t } from './i18n.js';
import { localeSwitch } from './locale-switch.js';
import { held, ask, matches, deckItem, contestItem } from './home-list.js';

const app = document.getElementById('app');
let query = '';
let formOpen = false;

const byId = (id) => document.getElementById(id);

// The lists as the search leaves them, and the count. Called on every
// keystroke and as the server's answers arrive, so it keeps the focus
// where it was (an action's id is its item's).
function drawLists() {
  const lists = byId('home-lists');
  if (!lists) return;
  const focused = document.activeElement && lists.contains(document.activeElement) ? document.activeElement.id : '';
  const all = held();
  const total = all.decks.length + all.contests.length;
  const decks = all.decks.filter((d) => matches(d, query));
  const contests = all.contests.filter((c) => matches(c, query));
  const searching = query.trim() !== '';
  // The item and its button are gone: the search keeps the keyboard in
  // the page; with nothing left, the page is drawn empty (no search over
  // nothing) from its first way in.
  const forgotten = () => {
    const left = held();
    if (left.decks.length + left.contests.length) {
      drawLists();
      byId('search').focus();
    } else {
      query = '';
      render('new-deck');
    }
  };
  const section = (id, heading, items, none, item) => {
    if (searching && !items.length) return null;
    return h('section', { 'aria-labelledby': `${id}-heading`, class: 'home-section' },
      h('h2', { id: `${id}-heading` }, heading),
      items.length
        ? h('ul', { class: 'bare-list home-list', id }, items.map((x) => item(x, forgotten)))
        : h('p', { class: 'muted' }, none));
  };
  fill(lists,
    !total ? h('div', { class: 'card home-empty', id: 'empty' },
      h('h2', {}, t('home-empty-title')),
      h('p', {}, t('home-empty-body'))) : null,
    total && searching && !decks.length && !contests.length
      ? h('div', { class: 'notice', id: 'no-match' },
        h('p', {}, t('home-no-match', { query: query.trim() })),
        h('button', { type: 'button', class: 'secondary', onclick: () => {
          query = '';
          byId('search').value = '';
          drawLists();
          byId('search').focus();
        } }, t('home-search-clear')))
      : null,
    total ? section('decks', t('home-mine'), decks, t('home-none-yet'), deckItem) : null,
    total ? section('contests', t('home-contests'), contests, t('home-contests-none'), contestItem) : null,
    total ? h('p', { class: 'muted home-kept' }, t('home-kept')) : null);
  // Patched in place, never redrawn: a live region announces changes to
  // a node that was already there.
  const count = byId('search-count');
  if (count) count.textContent = searching ? t('home-search-count', { shown: decks.length + contests.length, total }) : '';
  if (focused && byId(focused)) byId(focused).focus();
}

// The search over both lists, shown once there is something to search.
function searchBox() {
  return h('div', { class: 'home-search', role: 'search' },
    h('label', { for: 'search' }, t('home-search')),
    h('p', { id: 'search-hint', class: 'muted home-hint' }, t('home-search-hint')),
    h('div', { class: 'home-search-row' },
      h('input', {
        id: 'search', type: 'search', value: query, autocomplete: 'off', dir: 'auto',
        'aria-describedby': 'search-hint',
        oninput: (e) => { query = e.target.value; drawLists(); },
      }),
      h('p', { id: 'search-count', role: 'status', class: 'home-count' })));
}

// The first editor, for a deck typed in one go. Its module and its
// drawing wait until the disclosure is first opened (a language switch
// draws it open again, which mounts it again).
function quickForm() {
  const body = h('div', { id: 'quick-form-body', class: 'stack' });
  return h('details', {
    id: 'quick-form', class: 'home-quick', open: formOpen,
    ontoggle: async (e) => {
      formOpen = e.target.open;
      if (!formOpen) return;
      const { mountForm } = await import('./home-form.js');
      mountForm(body);
    },
  }, h('summary', {}, t('home-quick-form')), body);
}

function render(focusId) {
  document.title = t('home-page-title');
  const any = held();
  fill(app,
    h('div', { class: 'page-head' }, h('h1', {}, t('app-name')), localeSwitch()),
    h('p', { class: 'home-lead' }, t('home-lead')),
    h('div', { class: 'home-start' },
      h('a', { class: 'button', href: '/new', id: 'new-deck' }, t('home-new')),
      h('a', { class: 'button secondary', href: '/contest', id: 'new-contest' }, t('home-new-contest'))),
    any.decks.length + any.contests.length ? searchBox() : null,
    h('div', { id: 'home-lists' }),
    quickForm());
  drawLists();
  if (focusId && byId(focusId)) byId(focusId).focus();
}

// The page in the browser's (or the switch's) language; a switch draws it
// again in the new one, keeping the search and the open form.
addEventListener('localechange', () => render('locale-switch'));
// Back from the deck editor (the page restored from the browser's cache):
// what this browser holds and the titles may have changed since.
addEventListener('pageshow', (e) => {
  if (!e.persisted) return;
  render();
  ask(drawLists);
});
loadLocale(undefined, ['home']).then(() => {
  render();
  ask(drawLists);
});
