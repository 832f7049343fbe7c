// The audience's phone page: join by code, follow the slides live, vote in
// every poll type, ask and upvote questions. The page is split into
// modules under `phone/`: the shared state, the drawing, the voting
// forms, voting itself and Q&A. This one joins and follows.
//
// The participant id lives in local storage, so a phone that reloads or
// rejoins keeps its identity and sees the vote it made.
import { h, fill, store } from './dom.js';
import { api, ApiError, OfflineError } from './api.js';
import { follow } from './live.js';
import { t, loadLocale, errorText } from './i18n.js';
import { localeSwitch } from './locale-switch.js';
import { app, s, clientId } from './phone/state.js';
import { render, renderStatus, renderResults, tick, resetTimer, scoreText } from './phone/view.js';
import { sendQueued } from './phone/vote.js';

const codeInPath = () => {
  const m = location.pathname.match(/^\/j\/([0-9][0-9 -]{4,8}[0-9])\/?$/);
  return m ? m[1].replace(/[\s-]/g, '') : '';
};

// ---- joining ----

function showJoin(code, errorId) {
  const codeInput = h('input', {
    id: 'code', name: 'code', inputmode: 'numeric', autocomplete: 'off', required: true, class: 'code-input',
    pattern: '[0-9 \\-]{6,8}', value: code || '', 'aria-describedby': 'code-help', enterkeyhint: 'go',
  });
  const nameInput = h('input', { id: 'name', name: 'name', maxlength: 30, autocomplete: 'nickname', dir: 'auto', value: store.get('tally.name', '') });
  const error = h('div', { id: 'join-error', role: 'alert', class: errorId ? 'notice error' : '' }, errorId ? t(errorId) : '');
  const button = h('button', { type: 'submit', class: 'primary wide' }, t('phone-join'));
  const form = h('form', { class: 'join-card', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    join(codeInput.value, nameInput.value.trim(), error, button);
  } },
  h('div', { class: 'field' }, h('label', { for: 'code' }, t('phone-code')),
    codeInput, h('div', { id: 'code-help', class: 'hint' }, t('phone-code-help'))),
  h('div', { class: 'field' }, h('label', { for: 'name' }, t('phone-name')), nameInput),
  button, error);
  const title = h('p', { class: 'event-title', id: 'event-title', dir: 'auto' });
  fill(app, h('header', { class: 'topbar plain' }, h('div', { class: 'topbar-row' }, h('span', { class: 'event' }, t('app-name')), localeSwitch())),
    h('section', { class: 'join' }, h('div', { class: 'join-mark', 'aria-hidden': 'true' }), h('h1', {}, t('phone-join-title')), title, form));
  (code ? nameInput : codeInput).focus();
  if (code) showEventTitle(code, title);
}

// The lobby before joining: a phone that opened the QR code's address
// sees which event it is joining, by the title the presenter gave it.
async function showEventTitle(code, el) {
  try {
    const j = await api('GET', `/join/${encodeURIComponent(code)}`, { attempts: 2 });
    const settings = await api('GET', `/presentations/${j.presentation_id}/settings`, { attempts: 2 });
    if (settings && settings.title) el.textContent = settings.title;
    applyLook(settings);
  } catch {
    // No title: the page still joins.
  }
}

// The event's colours, once the presenter chose some (revision 0 is
// Tally's own look), from the join page on. A light background (dark ink)
// keeps Tally's white cards and takes the background and accent, which
// read on white as on it; a dark one (light ink) takes over every colour
// (phone/theme.js).
function applyLook(settings) {
  const brand = settings && settings.revision > 0 && settings.palette ? settings : null;
  // Tally's own look needs neither module (the first load's byte budget).
  if (!brand && !document.documentElement.classList.contains('branded')) return;
  Promise.all([import('./brand.js'), import('./phone/theme.js')]).then(([b, theme]) => {
    const dark = !!brand && theme.isDark(brand.palette);
    b.applyBrand(brand);
    theme.applyDark(dark ? brand.palette : null);
    document.documentElement.classList.toggle('phone-brand', !!brand && !dark);
  }, () => {});
}

async function join(code, name, error, button) {
  const digits = String(code).replace(/[\s-]/g, '');
  if (!/^[0-9]{6}$/.test(digits)) {
    error.className = 'notice error';
    fill(error, t('phone-code-invalid'));
    return;
  }
  fill(error, t('phone-joining'));
  error.className = 'notice';
  button.disabled = true;
  try {
    const j = await api('GET', `/join/${encodeURIComponent(digits)}`, { onWaiting: () => fill(error, t('phone-busy')) });
    if (name) {
      await api('POST', `/presentations/${j.presentation_id}/participants`, { body: { client_id: clientId, name } });
      store.set('tally.name', name);
    }
    start(j);
  } catch (e) {
    button.disabled = false;
    error.className = 'notice error';
    if (e instanceof OfflineError) fill(error, t('phone-offline-join'));
    else if (e instanceof ApiError && e.status === 404) fill(error, t('phone-no-such-code'));
    else fill(error, errorText(e));
  }
}

function start(j) {
  s.joined = { presentation_id: j.presentation_id, join_code: j.join_code };
  store.set('tally.joined', s.joined);
  if (location.pathname !== `/j/${j.join_code}`) history.replaceState(null, '', `/j/${j.join_code}`);
  s.state = {
    type: 'state', version: j.state_version, current_poll_index: j.current_poll_index,
    poll_count: j.poll_count, voting_open: j.voting_open, results_visible: false, poll: j.poll,
  };
  s.stateAt = performance.now();
  render();
  loadSettings();
  follow(`/presentations/${s.joined.presentation_id}/live`, {
    eventsPath: `/presentations/${s.joined.presentation_id}/events`,
    onMessage,
    onStatus: (status) => setConnection(status),
  });
  // Back online: the notice goes at once, and the saved vote is sent;
  // the live channel reconnects by itself and then says "Live".
  addEventListener('online', () => {
    if (s.connection === 'offline') setConnection('reconnecting');
    sendQueued();
  });
  s.reachable = () => {
    if (s.connection === 'offline') setConnection('reconnecting');
  };
  setInterval(sendQueued, 5000);
  setInterval(tick, 250);
}

function setConnection(status) {
  s.connection = status;
  renderStatus();
  if (status === 'live') sendQueued();
}

function onMessage(m) {
  if (m.type === 'state') {
    const st = s.state;
    if (st && m.version < st.version) return;
    const moved = !st || !st.poll || !m.poll || st.poll.poll_id !== m.poll.poll_id || st.round !== m.round;
    const settingsMoved = st && m.settings_rev != null && m.settings_rev !== st.settings_rev;
    s.state = m;
    s.stateAt = performance.now();
    if (moved) {
      s.note = null;
      s.results = null;
      s.tab = 'poll';
      resetTimer();
    }
    // Tally confirms the state: a request got through, so the phone is
    // online whatever the channel's last word was.
    if (s.connection === 'offline') setConnection('reconnecting');
    render();
    if (settingsMoved) loadSettings();
    sendQueued();
  } else if (m.type === 'results') {
    s.results = m;
    renderResults();
  } else if (m.type === 'deleted') {
    fill(app, h('section', { class: 'lobby' }, h('h1', {}, t('phone-ended')), h('p', {}, t('phone-thanks'))));
  }
}

// The presentation's settings: its title for the lobby, its colours, and
// whether the Q&A is open all event. Older servers have no settings:
// the page then keeps Tally's own look.
async function loadSettings() {
  const id = s.joined.presentation_id;
  try {
    s.settings = await api('GET', `/presentations/${id}/settings`, { attempts: 3 });
  } catch {
    return;
  }
  const qaId = s.settings && s.settings.qa_poll_id;
  if (s.settings && s.settings.qa_always_open && (!s.qaPoll || (qaId && s.qaPoll.poll_id !== qaId))) {
    try {
      const deck = await api('GET', `/presentations/${id}`);
      s.qaPoll = (deck.polls || []).find((p) => (qaId ? p.poll_id === qaId : p.type === 'qa')) || null;
    } catch {
      // Without the deck there is no Q&A tab; the slide still works.
    }
  }
  applyLook(s.settings);
  render();
}

// Your score over every quiz poll so far. Tally shares one computation
// among all phones for two seconds, so asking is cheap; answers on the
// spike path count once flushed, hence the few retries.
let scoreAt = 0;
s.loadScore = async () => {
  if (Date.now() - scoreAt < 2500) return;
  scoreAt = Date.now();
  try {
    s.score = await api('GET', `/presentations/${s.joined.presentation_id}/participants/${clientId}/score`);
    const el = document.getElementById('score');
    if (el) el.textContent = scoreText();
  } catch {
    // Shown on the next results update.
  }
};
setInterval(() => {
  if (s.state && s.state.results_visible && s.results && s.results.correct) s.loadScore();
}, 3000);

// ---- start ----

await loadLocale(undefined, ['phone', 'results']);
addEventListener('localechange', () => (s.joined ? render() : showJoin(document.getElementById('code')?.value || codeInPath())));
const code = codeInPath();
const saved = store.get('tally.joined');
if (code && saved && saved.join_code === code) {
  // A phone that was here before rejoins as itself.
  api('GET', `/join/${code}`).then(start, () => showJoin(code));
} else {
  showJoin(code);
}
