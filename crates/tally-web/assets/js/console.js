// The presenter console: run a show from one screen. The slide on screen
// with its live results, the next slide's preview, the presenter's notes,
// voting, results, the timer's live countdown, rounds (past ones stay
// readable), moderation, the quiz leaderboard, the join code and the
// audience count, all live; below, what is set up once (the links for
// other people, the presenter key, the event's settings). The keys are in
// console/keys.js and written on the page.
//
// A contest's co-host (who runs the presentation) and moderator (who only
// moderates the audience's text) open it through their invite link; the
// console shows each only the controls their role may use.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { follow } from './live.js';
import { t, num, errorText, loadLocale } from './i18n.js';
import { drawResults, pollType, leaderboardTable } from './results.js';
import { deckOf, idInPath, askForToken, presenterProtocols, takeLinkKey } from './deck.js';
import { ctx, may, call, act, say, resultsShown } from './console/context.js';
import { followSettings, whenTitled } from './console/event.js';
import { layout } from './console/layout.js';
import { installKeys } from './console/keys.js';
import { drawState, drawNotes } from './console/stage.js';
import { whenTimeIsUp } from './console/countdown.js';
import { drawQueue } from './console/moderation.js';
import { drawRounds } from './console/rounds.js';
import { drawPeople } from './console/people.js';
import { redrawOnLocaleChange } from './locale-switch.js';

const app = document.getElementById('app');
let joinCode = '';
let lastBoard = 0;
let roundKey = '';
const status = { slides: 'connecting', results: 'connecting' };

const drawConn = () => {
  const el = document.getElementById('conn');
  if (!el) return;
  const live = status.slides === 'live' && status.results === 'live';
  el.classList.toggle('live', live);
  fill(el, live ? t('console-conn-live') : t('console-conn', { slides: t(`console-status-${status.slides}`), results: t(`console-status-${status.results}`) }));
};

const next = () => act('console-action-next', () => call('PUT', '/polls/current'));
const previous = () => act('console-action-previous', () => call('POST', '/polls/current/previous'));
const goTo = (index) => act('console-action-goto', () => call('PUT', '/polls/current/index', { index }));
// On a content slide Space and R do nothing: there is no vote to open
// and no result to show (their buttons are hidden too).
const onContent = () => !!(ctx.state && ctx.state.poll && ctx.state.poll.type === 'content');
const toggleVoting = () => onContent() || act('console-action-voting', () => call('POST', `/polls/current/${ctx.state && ctx.state.voting_open ? 'close' : 'open'}`));
const toggleResults = () => onContent() || act('console-action-results', () => call('POST', `/polls/current/results/${resultsShown() ? 'hide' : 'show'}`));
const timer = (seconds) => act('console-action-timer', () => call('POST', '/polls/current/timer', { seconds }));
function reset() {
  const s = ctx.state;
  if (s && s.poll && confirm(t('console-reset-confirm', { round: num((s.round || 1) + 1) }))) {
    act('console-action-reset', () => call('POST', `/polls/${s.poll.poll_id}/reset`));
  }
}
const actions = { next, previous, goTo, toggleVoting, toggleResults, reset, timer };

// The event's title (its settings), else the deck's as this browser saved
// it. Without either (a co-host's or a moderator's browser) the heading
// names the console, never the first question: a long question pushed the
// controls below the fold. It is one line, cut with an ellipsis.
const titleOf = () => {
  if (ctx.settings && ctx.settings.title) return ctx.settings.title;
  const saved = (deckOf(ctx.id) || {}).title;
  return saved && saved !== 'Presentation' ? saved : '';
};

function drawTitle() {
  const el = document.getElementById('console-title');
  const title = titleOf();
  if (el) fill(el, title ? h('span', { dir: 'auto' }, title) : t('console-title'));
}

function drawJoin() {
  const el = document.getElementById('join');
  if (!el || !joinCode) return;
  const spaced = `${joinCode.slice(0, 3)} ${joinCode.slice(3)}`;
  fill(el,
    h('span', { class: 'join-where' }, t('console-join', { url: `${location.host}/j` })),
    h('strong', { id: 'join-code', 'aria-label': t('console-join-code', { code: joinCode.split('').join(' ') }) }, spaced));
}

function drawResultsPanel() {
  const poll = ctx.state && ctx.state.poll;
  const r = ctx.results;
  if (!r || !poll || r.poll_id !== poll.poll_id) return;
  fill(document.getElementById('audience'), t('console-audience', { count: r.audience ?? 0 }));
  if (poll.type === 'content') return;
  fill(document.getElementById('counts'), t('console-participants', { count: r.participants || 0 }));
  drawResults(document.getElementById('results'), r, poll);
  drawQueue();
  if (may('run') && pollType(r) === 'quiz' && Date.now() - lastBoard > 1000) loadBoard();
}

async function loadBoard() {
  lastBoard = Date.now();
  let rows;
  try {
    rows = await call('GET', '/leaderboard');
  } catch {
    return;
  }
  fill(document.getElementById('leaderboard'), leaderboardTable(rows, { limit: 20, withCorrect: true }));
}

// The presenter's notes, one per poll (GET …/notes, presenter only).
async function loadNotes() {
  try {
    ctx.notes = (await call('GET', '/notes')) || {};
  } catch {
    ctx.notes = {};
  }
  drawNotes();
}

// Everything, as after a language change.
function drawAll() {
  document.title = t('console-page-title');
  layout(app, actions, titleOf());
  drawConn();
  drawJoin();
  if (ctx.state) drawState();
  drawResultsPanel();
  roundKey = '';
  onRound();
  followSettings(true);
  if (may('own')) drawPeople();
  if (may('run') && ctx.deck && ctx.deck.polls.some((p) => p.type === 'quiz')) loadBoard();
}

// The rounds list changes when the slide or its round does.
function onRound() {
  if (!may('run')) return;
  const s = ctx.state;
  const key = s && s.poll ? `${s.poll.poll_id} ${s.round}` : '';
  if (key === roundKey) return;
  roundKey = key;
  drawRounds();
}

const holderOf = (key) => api('GET', `/presentations/${ctx.id}/access`, { token: key, attempts: 1 });

async function start() {
  await loadLocale(undefined, ['console', 'links', 'brand', 'results']);
  document.body.classList.add('console');
  ctx.id = idInPath();
  ctx.token = ctx.id ? await takeLinkKey(ctx.id, holderOf) : null;
  if (!ctx.id || !ctx.token) return askForToken(app, ctx.id, t('console-title'));
  try {
    // Whose key this is, and what it may do: a wrong or revoked key is
    // found here, before any control is drawn.
    ctx.access = await holderOf(ctx.token);
  } catch (e) {
    if (e.status === 401 || e.status === 403) return askForToken(app, ctx.id, t('console-title'));
    fill(app, h('h1', {}, t('console-title')), h('div', { class: 'notice error', role: 'alert' }, t('console-load-failed', { reason: errorText(e) })));
    return;
  }
  // A screen link opens only the big screen: it may not run or moderate.
  if (!may('run') && !may('moderate')) {
    fill(app, h('h1', {}, t('console-title')),
      h('div', { class: 'notice', role: 'alert' }, t('console-screen-only')),
      h('p', {}, h('a', { class: 'button', href: `/screen/${ctx.id}` }, t('console-open-screen'))));
    return;
  }
  joinCode = ctx.access.join_code || '';
  let failed = null;
  try {
    ctx.deck = await api('GET', `/presentations/${ctx.id}`);
  } catch (e) {
    failed = e;
  }
  drawAll();
  if (failed) say(t('console-load-failed', { reason: errorText(failed) }), 'error');
  whenTimeIsUp(drawState);
  whenTitled(drawTitle);
  // The switch draws the console again in the new language, in place.
  redrawOnLocaleChange(app, drawAll);
  // The slides, as the phones get them; the subprotocols mark this page
  // as the presenter's, so it is not counted in the audience.
  follow(`/presentations/${ctx.id}/live`, {
    protocols: presenterProtocols(ctx.token),
    eventsPath: `/presentations/${ctx.id}/events`,
    onMessage: (m) => {
      if (m.type === 'state' && (!ctx.state || m.version >= ctx.state.version)) {
        // The deck was edited (here or in the editor): the next slide's
        // preview and the notes read the new one.
        const edited = ctx.state && m.deck_rev != null && m.deck_rev !== ctx.state.deck_rev;
        ctx.state = m;
        ctx.stateAt = performance.now();
        if (edited) reloadDeck();
        drawState();
        drawResultsPanel();
        onRound();
        followSettings();
      } else if (m.type === 'deleted') {
        say(t('console-deleted'), 'error');
      }
    },
    onStatus: (s) => { status.slides = s; drawConn(); },
  });
  follow(`/presentations/${ctx.id}/live/presenter`, {
    protocols: presenterProtocols(ctx.token),
    onMessage: (m) => {
      if (m.type === 'results') {
        ctx.results = m;
        drawResultsPanel();
      }
    },
    onStatus: (s) => { status.results = s; drawConn(); },
  });
  installKeys(actions);
  if (may('run')) loadNotes();
}

async function reloadDeck() {
  try {
    ctx.deck = await api('GET', `/presentations/${ctx.id}`);
  } catch {
    return; // the next edit or a reload tries again
  }
  drawAll();
  if (may('run')) loadNotes();
}

start();
