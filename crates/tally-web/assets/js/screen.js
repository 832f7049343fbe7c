// The big screen (projector view): how to join, the question, a countdown,
// and the live results once the presenter shows them (before that, the
// options and a live count of answers). Everything is fitted to the window
// (see screen/fit.js): type scales to the content, and a list too long for
// the screen cycles through pages. It follows the presenter's slides by
// itself. A live region tells screen reader users what changed, at most
// every few seconds.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { follow } from './live.js';
import { loadLocale, preferredLocale, locale, t } from './i18n.js';
import { deckOf, idInPath, askForToken, presenterProtocols, remember, takeLinkKey } from './deck.js';
import { draw, typeOf, summary } from './screen/stage.js';
import { Pages, fitBlock, fitFont, MIN_TYPE } from './screen/fit.js';
import { Join } from './screen/join.js';
import { Countdown } from './screen/timer.js';
import { wakeOnActivity } from './screen/wake.js';

const app = document.getElementById('app');
const id = idInPath();
// The presenter's key held in this browser, or a screen link's (its secret
// in the address's fragment, taken into local storage at start).
let token = null;
let state = null;
let results = null;
let leaderboard = [];
let lastBoard = 0;
let lastAnnounced = 0;
let pendingAnnounce = null;
let laidOut = ''; // the signature of what was last fitted
let ended = false;
const ANNOUNCE_EVERY_MS = 5000;
const countdown = new Countdown();
let pages = null;
let join = null;
const $ = (x) => document.getElementById(x);

// The join code: as this browser saved it, else from the server for the
// key it holds (a pasted presenter key, or a co-host's or moderator's).
async function joinCode() {
  const known = deckOf(id);
  if (known && known.join_code) return known.join_code;
  const access = await api('GET', `/presentations/${id}/access`, { token });
  if (access.role === 'presenter') {
    remember({ ...(known || { id, title: 'Presentation', created_at: new Date().toISOString() }), join_code: access.join_code }, token);
  }
  return access.join_code;
}

function layout() {
  app.classList.add('screen-app');
  const header = h('header', { class: 'join', id: 'join' });
  const overlay = h('div', { class: 'qr-overlay', id: 'qr-overlay', hidden: true });
  fill(app,
    header,
    h('section', { class: 'stage', 'aria-labelledby': 'question' },
      h('div', { class: 'head' },
        h('h1', { id: 'question', dir: 'auto' }),
        h('img', { id: 'question-image', class: 'q-image', alt: '', hidden: true }),
        h('p', { id: 'sub' }, countdown.el, h('span', { id: 'status' }), h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
          h('span', { id: 'responses' }))),
      h('div', { id: 'body', class: 'body' }),
      h('div', { id: 'pager', class: 'pager', hidden: true },
        h('span', { class: 'page-of' }), h('span', { class: 'progress', 'aria-hidden': 'true' }, h('span', {})))),
    h('p', { id: 'hint', class: 'hint' }),
    h('div', { id: 'announce', class: 'visually-hidden', 'aria-live': 'polite', role: 'status' }),
    overlay);
  pages = new Pages($('pager'));
  join = new Join(header, overlay, { onChange: () => refit() });
}

const mine = () => {
  const poll = state && state.poll;
  return poll && results && results.poll_id === poll.poll_id ? results : null;
};

// Answers so far: questions on show for Q&A, else who answered.
function count() {
  const r = mine();
  if (!r) return 0;
  return typeOf(state.poll) === 'qa' ? (r.questions || []).filter((q) => !q.hidden).length : r.participants || 0;
}

function drawHead() {
  const poll = state && state.poll;
  const question = $('question');
  const text = ended ? t('ended') : poll ? poll.question : t('waiting-presenter');
  if (question.textContent !== text) {
    question.textContent = text;
    // A new question: the last slide's announcement no longer applies.
    fill($('announce'));
  }
  // The question's picture, with its alt text (the body below fits in
  // what it leaves).
  const image = !ended && poll && poll.images && poll.images.question;
  const img = $('question-image');
  const src = image ? `/images/${image.image_id}` : '';
  if (img.getAttribute('src') !== (src || null) || img.alt !== (image ? image.alt : '')) {
    if (src) img.src = src;
    else img.removeAttribute('src');
    img.alt = image ? image.alt : '';
    img.hidden = !image;
    // Laid out again once it has its size.
    img.onload = () => refit();
  }
  if ($('hint').textContent !== t('keys-hint')) $('hint').textContent = t('keys-hint');
  drawSub();
}

function drawSub() {
  const poll = state && state.poll;
  // A content slide takes no answers: no status, no count.
  $('sub').hidden = !poll || ended || typeOf(poll) === 'content';
  if (!poll || $('sub').hidden) return;
  const status = countdown.tick();
  const visible = state.results_visible;
  const words = !visible && countdown.isOpen() ? t('waiting-answers') : status;
  if ($('status').textContent !== words) $('status').textContent = words;
  const n = count();
  const what = typeOf(poll) === 'qa' ? t('questions-count', { n }) : t('responses', { n });
  if ($('responses').textContent !== what) $('responses').textContent = what;
}

function drawAll() {
  if (!pages) return;
  drawHead();
  const poll = state && state.poll;
  const r = mine();
  // Phones on the live page now. Beside "90 responses", "0 on the page
  // now" reads like a contradiction (they answered and put their phones
  // away), so none is shown once anyone answered.
  const audience = r ? r.audience ?? 0 : null;
  join.update({
    slide: poll ? poll.poll_id : null,
    inRoom: !!(r && (r.audience > 0 || count() > 0)) || !!(state && state.results_visible),
    audience: audience === 0 && count() > 0 ? null : audience,
  });
  const body = $('body');
  if (!poll || ended) {
    body.replaceChildren();
    body.dataset.mode = '';
    pages.reset();
    fitQuestion(false);
    laidOut = '';
    return;
  }
  const out = draw(body, poll, r, {
    visible: !!state.results_visible,
    count: count(),
    leaderboard,
    minType: MIN_TYPE * innerHeight,
  });
  const sig = `${poll.poll_id}|${state.results_visible}|${out.sig}|${innerWidth}x${innerHeight}|${join.mode()}`;
  if (sig !== laidOut) {
    laidOut = sig;
    fitStage(out);
  } else if (out.list && pages.count === 1 && body.scrollHeight > body.clientHeight + 1) {
    // New figures made a row wrap: fit again.
    fitStage(out);
  } else if (overflows(body.querySelector(':scope > .content-body'))) {
    // A content slide's room shrank (the join details took a line more
    // when the audience count came): fit its text again.
    fitStage(out);
  }
  if (r && state.results_visible) {
    if (typeOf(poll) === 'quiz' && Date.now() - lastBoard > 1000) loadBoard();
    announce();
  }
}

// The question takes at most a third of the stage when something is
// drawn under it, else most of it.
function fitQuestion(withBody, share = withBody ? 0.3 : 0.6) {
  const stage = document.querySelector('.stage');
  const room = stage.clientHeight;
  fitBlock($('question'), { min: 0.026 * innerHeight, max: 0.075 * innerHeight, maxHeight: room * share });
}

function fitStage(out) {
  const body = $('body');
  fitQuestion(true);
  body.style.fontSize = '';
  const min = MIN_TYPE * innerHeight;
  const max = 0.055 * innerHeight;
  if (out.list) {
    const area = body.querySelector('.answers') || body;
    pages.fit(area, out.list, { min, max });
    if (pages.count > 1 && join.shrink()) {
      // The large join details cost this slide pages: the strip instead
      // (J still brings them back).
      return;
    }
    if (pages.count > 1) {
      // In pages: the question gives up room so that fewer pages are needed.
      fitQuestion(true, 0.2);
      pages.fit(area, out.list, { min, max });
    }
  } else {
    pages.reset();
  }
  const text = body.querySelector(':scope > .content-body');
  if (text) {
    // A content slide's text: as large as fits, up to a heading's size
    // (never below the smallest readable type; a body at its limit
    // fits at 1280x720, which screen.mjs checks).
    fitQuestion(true, 0.35);
    const fits = () => text.scrollHeight <= text.clientHeight + 1;
    fitFont(text, fits, min, 0.065 * innerHeight);
    // The large join details cost the text its room: the strip instead.
    if (!fits() && join.shrink()) return;
  }
  const board = body.querySelector('.board');
  if (board) fitFont(board, () => board.scrollHeight <= board.clientHeight + 1, min, max);
  const cloud = body.querySelector('.cloud');
  if (cloud) {
    // The cloud was laid out for the old room: lay it out again.
    delete cloud.dataset.layout;
    draw(body, state.poll, mine(), { visible: true, count: count(), leaderboard, minType: min });
  }
}

const overflows = (el) => !!el && el.scrollHeight > el.clientHeight + 1;

function refit() {
  laidOut = '';
  drawAll();
}

// Says what changed, at most every few seconds, so a screen reader keeps up
// with a room that votes ten times a second.
function announce() {
  const due = lastAnnounced + ANNOUNCE_EVERY_MS - Date.now();
  if (due > 0) {
    if (!pendingAnnounce) {
      pendingAnnounce = setTimeout(() => {
        pendingAnnounce = null;
        // Only results still on screen: the slide may have moved on.
        if (mine() && state.results_visible) announce();
      }, due);
    }
    return;
  }
  lastAnnounced = Date.now();
  const r = mine();
  fill($('announce'), t('results-announce', { n: r.participants || 0, lead: summary(r, state.poll) }));
}

async function loadBoard() {
  lastBoard = Date.now();
  try {
    leaderboard = await api('GET', `/presentations/${id}/leaderboard`, { token });
  } catch {
    return;
  }
  drawAll();
}

// The presentation's settings (its language and look), where this Tally
// has them: the presenter's choice, not the projector's browser's.
let settingsRev = null;
async function loadSettings() {
  try {
    return await api('GET', `/presentations/${id}/settings`, { token });
  } catch {
    return null;
  }
}

async function applySettings(settings) {
  if (!settings) return;
  if (settings.locale && settings.locale !== locale()) {
    await loadLocale(settings.locale, ['screen', 'results']);
    document.title = t('screen-title');
    refit();
  }
  try {
    const { applyBrand, screenPalette } = await import('./brand.js');
    applyBrand(settings);
    // The event's colours only on a dark background (see screenPalette).
    document.documentElement.classList.toggle('screen-brand', !!screenPalette(settings));
    refit();
  } catch {
    // No brand module in this Tally: the default look.
  }
}

async function start() {
  // The presentation's language; without one, the presenter's as chosen
  // in this browser (the language switch).
  token = id ? await takeLinkKey(id, (key) => api('GET', `/presentations/${id}/access`, { token: key, attempts: 1 })) : null;
  const settings = id && token ? await loadSettings() : null;
  await loadLocale((settings && settings.locale) || preferredLocale(), ['screen', 'results']);
  document.title = t('screen-title');
  if (!id || !token) return askForToken(app, id, t('screen-title'));
  let link = null;
  try {
    const code = await joinCode();
    if (code) link = await api('GET', `/j/${code}/link`);
  } catch (e) {
    if (e.status === 401 || e.status === 403) return askForToken(app, id, t('screen-title'));
  }
  layout();
  // The key hint is the presenter's, not the room's: shown a moment after
  // loading, while the mouse moves and on H or ?, else visually hidden
  // (screen.css). Screen reader users keep it, as they cannot watch it
  // come and go.
  wakeOnActivity();
  join.link = link;
  drawAll();
  applySettings(settings);
  // The slides, as the phones get them; the subprotocols mark this page
  // as the presenter's, so it is not counted in the audience.
  follow(`/presentations/${id}/live`, {
    protocols: presenterProtocols(token),
    eventsPath: `/presentations/${id}/events`,
    onMessage: (m) => {
      if (m.type === 'state' && (!state || m.version >= state.version)) {
        state = m;
        countdown.set(m);
        drawAll();
        // The presenter changed the language or the look.
        if (m.settings_rev != null && m.settings_rev !== settingsRev) {
          if (settingsRev != null) loadSettings().then(applySettings);
          settingsRev = m.settings_rev;
        }
      } else if (m.type === 'deleted') {
        ended = true;
        drawAll();
      }
    },
  });
  follow(`/presentations/${id}/live/presenter`, {
    protocols: presenterProtocols(token),
    onMessage: (m) => {
      if (m.type === 'results') {
        results = m;
        drawAll();
      }
    },
  });
  // A resized window (or a projector plugged in) lays the stage out again.
  // Watched with a ResizeObserver, which reports at the next frame drawn,
  // so a screen that was in the background still refits when shown.
  let size = '';
  new ResizeObserver(() => {
    const now = `${innerWidth}x${innerHeight}`;
    if (now !== size) {
      size = now;
      refit();
    }
  }).observe(document.documentElement);
  addEventListener('localechange', refit);
  // The countdown moves, and says "Voting closed" at zero, between messages.
  setInterval(drawSub, 250);
}

start();
