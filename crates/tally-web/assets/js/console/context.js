// What every part of the console shares: the presentation, the key this
// browser holds, what that key may do, the deck, and the newest live state
// and results. One object, filled in by console.js as things arrive, so
// that each part reads the same values.
import { h, fill } from '../dom.js';
import { api } from '../api.js';
import { t, errorText } from '../i18n.js';

export const ctx = {
  id: '',
  token: null,
  access: { role: 'presenter', powers: [] }, // GET /presentations/{id}/access
  deck: null, // GET /presentations/{id}: the polls, in order
  state: null, // the newest live state message
  stateAt: 0, // performance.now() when it arrived, for the countdown
  results: null, // the newest results of the poll on screen
  notes: {}, // poll id → the presenter's notes
  settings: null, // GET /presentations/{id}/settings, where Tally has them
};

// Whether the presenter shows the results: `results_shown` where the state
// carries it (results can be shown yet held until voting closes), else
// `results_visible`.
export const resultsShown = () => {
  const s = ctx.state;
  if (!s) return false;
  return s.results_shown != null ? s.results_shown : s.results_visible;
};

export const may = (power) => ctx.access.powers.includes(power);

export const call = (method, path, body) =>
  api(method, `/presentations/${ctx.id}${path}`, { body, token: ctx.token });

// Shows a message in the page's alert region ('' clears it).
export function say(text, kind = '') {
  const el = document.getElementById('message');
  if (el) fill(el, text ? h('div', { class: `notice ${kind}` }, text) : null);
}

// Runs an action; a failure is told in the person's language, named by
// what was tried (`label` is a message id).
export async function act(label, fn) {
  try {
    await fn();
    say('');
  } catch (e) {
    say(t('console-failed', { action: t(label), reason: errorText(e) }), 'error');
  }
}
