// Contest secrets in this browser. An invite link carries its secret in
// the URL's fragment (after #), which browsers never send to a server, so
// no access log records it; the page moves it into local storage and
// removes it from the address bar at once. Requests send it only in the
// Authorization header.
//
// Each page keeps its own kind of secret (`contest`: the owner's or a
// co-host's; `judge`; `feedback`), so that an organiser who opens a judge's
// or a contestant's link to check it keeps their own secret.
import { store, h, fill } from './dom.js';

export const keyOf = (id, kind = 'contest') => store.get(`tally.${kind}.${id}`);
export const keep = (id, token, kind = 'contest') => store.set(`tally.${kind}.${id}`, token);

// The secret from the fragment if there is one (kept, then removed from
// the address bar), else the one this browser holds. A held secret for
// which `keepHeld` answers true (the owner's, on the organiser's page) is
// not replaced by a link's.
export async function takeKey(id, kind = 'contest', keepHeld = async () => false) {
  const fromLink = decodeURIComponent(location.hash.slice(1));
  if (fromLink) history.replaceState(null, '', location.pathname + location.search);
  const held = keyOf(id, kind);
  if (!fromLink || fromLink === held) return held;
  if (held && await keepHeld(held).catch(() => false)) return held;
  keep(id, fromLink, kind);
  return fromLink;
}

export const contestIdIn = (prefix) => {
  const m = location.pathname.match(new RegExp(`^/${prefix}/([0-9a-f-]{36})(?:/([0-9a-f-]{36}))?/?$`, 'i'));
  return m ? [m[1].toLowerCase(), (m[2] || '').toLowerCase()] : ['', ''];
};

// A page without a secret offers to take one (pasted), nothing else.
export function askForKey(app, id, title, what, kind = 'contest') {
  const input = h('input', { id: 'key', type: 'password', autocomplete: 'off', required: true });
  fill(app,
    h('h1', {}, title),
    h('div', { class: 'notice error', role: 'alert' }, `This browser does not hold ${what} for this contest.`),
    h('form', { class: 'card stack', onsubmit: (e) => {
      e.preventDefault();
      if (!input.value.trim()) return;
      keep(id, input.value.trim(), kind);
      location.reload();
    } },
    h('label', { for: 'key' }, 'Secret (starts with tly_)'), input,
    h('button', { type: 'submit' }, 'Use this secret')));
}
