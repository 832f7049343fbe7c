// Builds DOM nodes. Text always goes in as text nodes, never parsed as
// HTML, so audience text cannot become markup whatever it contains.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value' || k === 'checked' || k === 'disabled') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// A version 4 UUID. crypto.randomUUID exists only on https or localhost,
// and a venue's network is often plain http, so build one from
// getRandomValues, which exists everywhere.
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export const store = {
  get(key, fallback = null) {
    try {
      const v = localStorage.getItem(key);
      return v == null ? fallback : JSON.parse(v);
    } catch {
      return fallback;
    }
  },
  set(key, value) {
    localStorage.setItem(key, JSON.stringify(value));
  },
  remove(key) {
    localStorage.removeItem(key);
  },
};

// An invite link carries its secret in the URL's fragment (after #), which
// browsers never send to a server, so no access log records it. This moves
// it into local storage under `key` and clears the address bar at once; it
// returns the secret to use. A held secret for which `keepHeld` answers
// true (the presenter's own key, the contest owner's) is not replaced by a
// link's, so that opening a co-host's or judge's link to check it costs
// nobody their own.
export async function takeFragmentSecret(key, keepHeld = async () => false) {
  const fromLink = decodeURIComponent(location.hash.slice(1));
  if (fromLink) history.replaceState(null, '', location.pathname + location.search);
  const held = store.get(key);
  if (!fromLink || fromLink === held) return held;
  if (held && await keepHeld(held).catch(() => false)) return held;
  store.set(key, fromLink);
  return fromLink;
}
