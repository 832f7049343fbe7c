// What this browser remembers about the presentations it created. The
// presenter token is kept here, in local storage, and sent only in the
// Authorization header (or the WebSocket subprotocol): never in a URL,
// which servers and proxies write to their logs.
import { store, h, fill, takeFragmentSecret } from './dom.js';
import { t, ensureLocale } from './i18n.js';
import { localeSwitch } from './locale-switch.js';

export const tokenOf = (id) => store.get(`tally.token.${id}`);
export const decks = () => store.get('tally.decks', []);
export const deckOf = (id) => decks().find((d) => d.id === id);

export function remember(deck, token) {
  store.set(`tally.token.${deck.id}`, token);
  store.set('tally.decks', [deck, ...decks().filter((d) => d.id !== deck.id)]);
}

export function forget(id) {
  store.remove(`tally.token.${id}`);
  store.set('tally.decks', decks().filter((d) => d.id !== id));
}

// The WebSocket subprotocols that carry the presenter key: a page cannot
// set headers on a WebSocket, and a URL would be logged. The server answers
// with `tally.presenter` and never echoes the key.
export const presenterProtocols = (token) => ['tally.presenter', `tally.bearer.${token}`];

export const idInPath = () => {
  const m = location.pathname.match(/^\/(?:present|screen)\/([0-9a-f-]{36})\/?$/i);
  return m ? m[1].toLowerCase() : '';
};

// A contest's co-host or moderator link opens the console with its secret
// in the fragment. It never replaces the presenter's own key held here,
// which alone can delete the presentation: `holderOf` asks the server
// whose a key is.
export const takeLinkKey = (id, holderOf) =>
  takeFragmentSecret(`tally.token.${id}`, (held) => holderOf(held).then((a) => a.role === 'presenter'));

// A presenter page without the token refuses to work: it offers to take
// the token (typed or pasted, kept in this browser), nothing else.
export async function askForToken(app, id, title) {
  await ensureLocale();
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true });
  fill(app,
    h('div', { class: 'page-head' }, h('h1', {}, title), localeSwitch()),
    h('div', { class: 'notice error', role: 'alert' }, t('token-missing')),
    h('form', { class: 'card stack', onsubmit: (e) => {
      e.preventDefault();
      const token = input.value.trim();
      if (!token) return;
      remember({ ...(deckOf(id) || { id, title: t('token-untitled'), created_at: new Date().toISOString() }) }, token);
      location.reload();
    } },
    h('label', { for: 'token' }, t('token-label')), input,
    h('button', { type: 'submit' }, t('token-use'))),
    h('p', {}, h('a', { href: '/' }, t('token-back'))));
  // The switch on this prompt redraws it, while it is still shown.
  addEventListener('localechange', () => {
    if (app.contains(input)) askForToken(app, id, title).then(() => document.getElementById('locale-switch')?.focus());
  }, { once: true });
}
