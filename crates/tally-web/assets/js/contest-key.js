// Contest secrets in this browser. An invite link carries its secret in
// the URL's fragment (after #), which browsers never send to a server, so
// no access log records it; the page moves it into local storage and
// removes it from the address bar at once. Requests send it only in the
// Authorization header.
import { store, h, fill } from './dom.js';

export const keyOf = (id) => store.get(`tally.contest.${id}`);
export const keep = (id, token) => store.set(`tally.contest.${id}`, token);

// The secret from the fragment if there is one (kept, then removed from
// the address bar), else the one this browser holds.
export function takeKey(id) {
  const fromLink = decodeURIComponent(location.hash.slice(1));
  if (fromLink) {
    keep(id, fromLink);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return keyOf(id);
}

export const contestIdIn = (prefix) => {
  const m = location.pathname.match(new RegExp(`^/${prefix}/([0-9a-f-]{36})(?:/([0-9a-f-]{36}))?/?$`, 'i'));
  return m ? [m[1].toLowerCase(), (m[2] || '').toLowerCase()] : ['', ''];
};

// A page without a secret offers to take one (pasted), nothing else.
export function askForKey(app, id, title, what) {
  const input = h('input', { id: 'key', type: 'password', autocomplete: 'off', required: true });
  fill(app,
    h('h1', {}, title),
    h('div', { class: 'notice error', role: 'alert' }, `This browser does not hold ${what} for this contest.`),
    h('form', { class: 'card stack', onsubmit: (e) => {
      e.preventDefault();
      if (!input.value.trim()) return;
      keep(id, input.value.trim());
      location.reload();
    } },
    h('label', { for: 'key' }, 'Secret (starts with tly_)'), input,
    h('button', { type: 'submit' }, 'Use this secret')));
}
