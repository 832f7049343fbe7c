// What this browser remembers about the presentations it created. The
// presenter token is kept here, in local storage, and sent only in the
// Authorization header (or the WebSocket subprotocol): never in a URL,
// which servers and proxies write to their logs.
import { store, h, fill } from './dom.js';
import { t, ensureLocale, errorText } from './i18n.js';
import { api } from './api.js';
import { localeSwitch } from './locale-switch.js';

// A link's secret (a presentation's screen, run or moderate link, or a
// contest's co-host or moderator link) arrives in the URL fragment of
// /screen/{id} or /present/{id}: browsers never send a fragment to a
// server. It is read once as the page loads and taken out of the address
// bar, so that it is not left in the history or in a screenshot. It is
// kept apart from the presenter's own key (`tally.link.{id}`), which it
// never replaces: only that key deletes the presentation and manages its
// links.
export const idInPath = () => {
  const m = location.pathname.match(/^\/(?:present|screen)\/([0-9a-f-]{36})\/?$/i);
  return m ? m[1].toLowerCase() : '';
};

const pageId = idInPath();
const fromLink = (() => {
  if (!pageId || !location.hash) return '';
  let secret = '';
  try {
    secret = decodeURIComponent(location.hash.slice(1)).trim();
  } catch {
    // A mangled fragment names no key.
  }
  history.replaceState(null, '', location.pathname + location.search);
  if (secret) store.set(`tally.link.${pageId}`, secret);
  return secret;
})();

// The key this page acts with: a link just opened, else the presenter's
// own key held here, else the last link opened here.
export const tokenOf = (id) => (id === pageId && fromLink)
  || store.get(`tally.token.${id}`) || store.get(`tally.link.${id}`);
export const decks = () => store.get('tally.decks', []);
export const deckOf = (id) => decks().find((d) => d.id === id);

export function remember(deck, token) {
  store.set(`tally.token.${deck.id}`, token);
  store.set('tally.decks', [deck, ...decks().filter((d) => d.id !== deck.id)]);
}

// The title the server has now, kept in place (remember() would move the
// deck to the top), so that the next visit shows it before asking.
export function retitle(id, title) {
  const all = decks();
  const deck = all.find((d) => d.id === id);
  if (!deck || deck.title === title) return;
  deck.title = title;
  store.set('tally.decks', all);
}

export function forget(id) {
  store.remove(`tally.token.${id}`);
  store.remove(`tally.link.${id}`);
  store.set('tally.decks', decks().filter((d) => d.id !== id));
}

// The WebSocket subprotocols that carry the presenter key: a page cannot
// set headers on a WebSocket, and a URL would be logged. The server answers
// with `tally.presenter` and never echoes the key.
export const presenterProtocols = (token) => ['tally.presenter', `tally.bearer.${token}`];

// The console's key. A link just opened is used unless this browser holds
// the presenter's own key (`holderOf` asks the server whose a key is): the
// presenter who opens a co-presenter link keeps running as the presenter.
// A key held here that is not the presenter's (a contest link kept by an
// older page) gives way to the new link.
export async function takeLinkKey(id, holderOf) {
  const held = store.get(`tally.token.${id}`);
  if (id !== pageId || !fromLink) return held || store.get(`tally.link.${id}`);
  if (!held || held === fromLink) return fromLink;
  if (await holderOf(held).then((a) => a.role === 'presenter').catch(() => false)) return held;
  store.remove(`tally.token.${id}`);
  return fromLink;
}

// Why the page cannot work. A link this browser was given that has since
// been revoked (the venue PC's screen link) says so, rather than asking
// for a presenter key nobody gave it; anything else asks for the key.
async function refusal(id) {
  const key = id && store.get(`tally.link.${id}`);
  if (!key || tokenOf(id) !== key) return t('token-missing');
  try {
    await api('GET', `/presentations/${id}/access`, { token: key, attempts: 1 });
  } catch (e) {
    if (e.code === 'link_revoked') return errorText(e);
  }
  return t('token-missing');
}

// A presenter page without the token refuses to work: it offers to take
// the token (typed or pasted, kept in this browser), nothing else.
export async function askForToken(app, id, title) {
  await ensureLocale();
  const why = await refusal(id);
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true });
  // One block: a page laid out as a grid (the big screen) gives its rows
  // to its children, and would stretch the notice over the screen.
  fill(app, h('div', { class: 'token-prompt' },
    h('div', { class: 'page-head' }, h('h1', {}, title), localeSwitch()),
    h('div', { class: 'notice error', role: 'alert' }, why),
    h('form', { class: 'card stack', onsubmit: (e) => {
      e.preventDefault();
      const token = input.value.trim();
      if (!token) return;
      remember({ ...(deckOf(id) || { id, title: t('token-untitled'), created_at: new Date().toISOString() }) }, token);
      location.reload();
    } },
    h('label', { for: 'token' }, t('token-label')), input,
    h('button', { type: 'submit' }, t('token-use'))),
    h('p', {}, h('a', { href: '/' }, t('token-back')))));
  // The switch on this prompt redraws it, while it is still shown.
  addEventListener('localechange', () => {
    if (app.contains(input)) askForToken(app, id, title).then(() => document.getElementById('locale-switch')?.focus());
  }, { once: true });
}
