// The contest pages' sentences that carry the organiser's words (a title,
// a contestant's, judge's or criterion's name). Each such word goes into
// the sentence as its own element, `<bdi dir="auto">`, through one Fluent
// message that orders the pieces for each language: never a translated
// label concatenated with a name. Isolated that way, a left-to-right name
// in an Arabic sentence (or an Arabic name in an English one) keeps its
// own direction without reordering the words, numbers and brackets
// around it, and the sentence's element keeps the page's direction.
//
// (`js/i18n.js` formats with Fluent's `useIsolating: false`, page-wide, so
// its `t()` does not isolate placeables; these helpers do it for the
// contest pages without changing the other pages' text.)
import { h } from './dom.js';
import { t, locale } from './i18n.js';

// The organiser's text, laid out in its own direction.
export const own = (text, attrs = {}) => h('bdi', { dir: 'auto', ...attrs }, text);

// Stand-ins for node placeables while Fluent formats the message: private
// use characters, which no message or name contains.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

// A placeable used twice in one message cannot be the same node twice.
const copy = (value) => (Array.isArray(value) ? value.map(copy) : value instanceof Node ? value.cloneNode(true) : value);

// Puts the pieces back in the order `text` has their stand-ins.
function weave(text, pieces) {
  const used = new Set();
  return text.split(SLOT).map((part, i) => {
    if (i % 2 === 0) return part;
    const n = Number(part);
    const piece = used.has(n) ? copy(pieces[n]) : pieces[n];
    used.add(n);
    return piece;
  }).filter((part) => part !== '');
}

// Message `id` as a list of pieces for `h()` or `fill()`. An argument that
// is a node (or a list of nodes) is placed where the message puts it;
// strings and numbers are formatted as `t()` does (a number stays a number,
// so that Fluent picks its plural form).
export function tNodes(id, args = {}) {
  const pieces = [];
  const plain = {};
  for (const [key, value] of Object.entries(args)) {
    if (value instanceof Node || Array.isArray(value)) {
      plain[key] = `${OPEN}${pieces.length}${CLOSE}`;
      pieces.push(value);
    } else {
      plain[key] = value;
    }
  }
  return weave(t(id, plain), pieces);
}

// Message `id` as one string with each text argument isolated (Unicode's
// FSI … PDI): for what cannot hold elements, a confirm() dialog.
export function tIsolated(id, args = {}) {
  const wrapped = Object.fromEntries(Object.entries(args)
    .map(([key, value]) => [key, typeof value === 'string' ? `\u2068${value}\u2069` : value]));
  return t(id, wrapped);
}

// Items joined as the page's language joins a list ("A, B and C", "A وB"),
// each item (a node, a list of nodes, or a name to isolate) kept whole.
export function listOf(items) {
  const pieces = items.map((item) => (typeof item === 'string' ? own(item) : item));
  const marked = pieces.map((_, i) => `${OPEN}${i}${CLOSE}`);
  return weave(new Intl.ListFormat(locale(), { type: 'unit', style: 'short' }).format(marked), pieces);
}
