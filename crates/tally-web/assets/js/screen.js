// The big screen (projector view): how to join (code, URL, QR code), the
// question, and its live results once the presenter shows them. It follows
// the presenter's slide changes by itself. A live region tells screen
// reader users what changed, at most every few seconds.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { follow } from './live.js';
import { drawResults, summary, pollType, leaderboardTable } from './results.js';
import { tokenOf, deckOf, idInPath, askForToken, presenterProtocols, remember } from './deck.js';

const app = document.getElementById('app');
const id = idInPath();
const token = id && tokenOf(id);
let state = null;
let stateAt = 0; // when the state arrived (performance.now()), for the countdown
let results = null;
let leaderboard = [];
let lastBoard = 0;
let lastAnnounced = 0;
let pendingAnnounce = null;
const ANNOUNCE_EVERY_MS = 5000;

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

function layout(link) {
  const spaced = link ? `${link.join_code.slice(0, 3)} ${link.join_code.slice(3)}` : '';
  fill(app,
    h('header', {},
      h('div', { class: 'join' },
        link ? [h('div', {}, 'Join at ', h('strong', { id: 'join-url' }, link.url.replace(/^https?:\/\//, ''))),
          h('div', {}, 'or go to ', h('strong', {}, link.url.replace(/^(https?:\/\/[^/]+).*/, '$1/j').replace(/^https?:\/\//, '')),
            ' and enter ', h('strong', { id: 'join-code' }, spaced))] : h('div', {}, 'Join code unavailable')),
      h('div', { class: 'row' },
        h('span', { id: 'audience', class: 'tag' }),
        link ? h('img', { class: 'qr', id: 'qr', src: `/j/${link.join_code}/qr.svg`, alt: `QR code: ${link.url}`, width: 256, height: 256 }) : null)),
    h('section', { class: 'stage', 'aria-labelledby': 'question' },
      h('h1', { id: 'question' }, 'Waiting for the presenter…'),
      h('p', { id: 'sub', class: 'muted' }),
      h('div', { id: 'body' }),
      h('div', { id: 'announce', class: 'visually-hidden', 'aria-live': 'polite', role: 'status' })));
}

function drawState() {
  const poll = state && state.poll;
  // A new slide, or results shown or hidden: the stage is drawn afresh.
  document.getElementById('body').dataset.mode = '';
  const question = document.getElementById('question');
  const text = poll ? poll.question : 'Waiting for the presenter…';
  // A new question: the last slide's announcement no longer applies.
  if (question.textContent !== text) fill(document.getElementById('announce'));
  fill(question, text);
  draw();
}

function draw() {
  const poll = state && state.poll;
  const body = document.getElementById('body');
  if (!poll) {
    fill(body);
    fill(document.getElementById('sub'));
    return;
  }
  const mine = results && results.poll_id === poll.poll_id ? results : null;
  drawSub();
  if (mine) fill(document.getElementById('audience'), `${mine.audience ?? 0} connected`);
  const type = poll.type || 'single';
  if (!state.results_visible) {
    if (body.dataset.mode !== 'hidden') {
      body.dataset.mode = 'hidden';
      body.dataset.type = '';
      fill(body, (poll.options || []).length && type !== 'scale'
        ? h('ul', { class: 'bars', id: 'options' }, poll.options.map((o) => h('li', {}, h('div', { class: 'bar-label' }, o.value))))
        : h('p', { class: 'muted' }, type === 'qa' ? 'Ask your questions on your phone.' : 'Answer on your phone.'));
    }
    return;
  }
  if (!mine) return;
  let chart = body.querySelector('#chart');
  if (body.dataset.mode !== 'results') {
    body.dataset.mode = 'results';
    chart = h('div', { id: 'chart' });
    fill(body, type === 'quiz'
      ? h('div', { class: 'split' }, chart, h('div', {}, h('h2', {}, 'Leaderboard'),
        h('div', { id: 'leaderboard' }, leaderboardTable(leaderboard, { limit: 8, withCorrect: false }))))
      : chart);
  }
  drawResults(chart, mine, poll);
  if (pollType(mine) === 'quiz' && Date.now() - lastBoard > 1000) loadBoard();
  announce(mine);
}

function drawSub() {
  const poll = state && state.poll;
  const sub = document.getElementById('sub');
  if (!poll || !sub) return;
  const mine = results && results.poll_id === poll.poll_id ? results : null;
  // A Q&A poll counts its questions on show; the others, who answered.
  const qa = pollType(poll) === 'qa';
  const n = mine ? (qa ? (mine.questions || []).filter((q) => !q.hidden).length : mine.participants || 0) : 0;
  const noun = qa ? ['question', 'questions'] : ['response', 'responses'];
  const left = Math.max(0, (state.ms_left || 0) - (performance.now() - stateAt));
  const timer = state.voting_open && state.deadline_ms != null ? ` · closes in ${Math.ceil(left / 1000)} s` : '';
  fill(sub, `${state.voting_open ? 'Voting open' : 'Voting closed'}${timer} · `,
    h('span', { id: 'responses' }, `${n} ${n === 1 ? noun[0] : noun[1]}`));
}

// Says what changed, at most every few seconds, so a screen reader keeps up
// with a room that votes ten times a second.
function announce(r) {
  const due = lastAnnounced + ANNOUNCE_EVERY_MS - Date.now();
  if (due > 0) {
    if (!pendingAnnounce) {
      pendingAnnounce = setTimeout(() => {
        pendingAnnounce = null;
        // Only results still on screen: the slide may have moved on.
        const poll = state && state.poll;
        if (results && poll && state.results_visible && results.poll_id === poll.poll_id) announce(results);
      }, due);
    }
    return;
  }
  lastAnnounced = Date.now();
  fill(document.getElementById('announce'), `Results: ${summary(r)}`);
}

async function loadBoard() {
  lastBoard = Date.now();
  try {
    leaderboard = await api('GET', `/presentations/${id}/leaderboard`, { token });
  } catch {
    return;
  }
  const el = document.getElementById('leaderboard');
  if (el) fill(el, leaderboardTable(leaderboard, { limit: 8, withCorrect: false }));
}

async function start() {
  if (!id || !token) return askForToken(app, id, 'Big screen');
  let link = null;
  try {
    const code = await joinCode();
    if (code) link = await api('GET', `/j/${code}/link`);
  } catch (e) {
    if (e.status === 401 || e.status === 403) return askForToken(app, id, 'Big screen');
  }
  layout(link);
  // The slides, as the phones get them; the subprotocols mark this page
  // as the presenter's, so it is not counted in the audience.
  follow(`/presentations/${id}/live`, {
    protocols: presenterProtocols(token),
    eventsPath: `/presentations/${id}/events`,
    onMessage: (m) => {
      if (m.type === 'state' && (!state || m.version >= state.version)) {
        state = m;
        stateAt = performance.now();
        drawState();
      } else if (m.type === 'deleted') {
        fill(document.getElementById('question'), 'This presentation has ended.');
      }
    },
  });
  follow(`/presentations/${id}/live/presenter`, {
    protocols: presenterProtocols(token),
    onMessage: (m) => {
      if (m.type === 'results') {
        results = m;
        draw();
      }
    },
  });
  // A resized window (or a projector plugged in) lays the stage out again.
  addEventListener('resize', () => {
    const body = document.getElementById('body');
    if (body) body.dataset.mode = '';
    draw();
  });
  // Keeps the countdown moving between state messages.
  setInterval(drawSub, 1000);
}

start();
