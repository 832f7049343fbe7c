// The presenter console: the slide on screen, voting, timer, results,
// rounds, the moderation queue, the quiz leaderboard and the audience
// count, all live. Keyboard: ← → move, space opens or closes voting,
// R shows or hides the results.
//
// A contest's co-host (who runs the presentation) and moderator (who only
// moderates the audience's text) open it through their invite link; the
// console shows each only the controls their role may use.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { follow } from './live.js';
import { drawResults, summary, arrangeQuestions, pollType, leaderboardTable } from './results.js';
import { deckOf, idInPath, askForToken, presenterProtocols, takeLinkKey } from './deck.js';

const app = document.getElementById('app');
const id = idInPath();
let token = null;
let access = { role: 'presenter', powers: [] }; // GET /presentations/{id}/access
const may = (power) => access.powers.includes(power);
let deck = null; // GET /presentations/{id}: the polls, in order
let state = null;
let results = null;
let leaderboard = [];
let lastBoard = 0;
let presenterStatus = 'connecting';
let slidesStatus = 'connecting';
const drawConn = () => {
  const el = document.getElementById('conn');
  if (el) fill(el, `Slides: ${slidesStatus} · results: ${presenterStatus}`);
};

const call = (method, path, body) => api(method, `/presentations/${id}${path}`, { body, token });

async function act(label, fn) {
  try {
    await fn();
    say('');
  } catch (e) {
    say(`${label}: ${e.message}`, 'error');
  }
}

function say(text, kind = '') {
  const el = document.getElementById('message');
  if (el) fill(el, text ? h('div', { class: `notice ${kind}` }, text) : null);
}

const next = () => act('Next', () => call('PUT', '/polls/current'));
const previous = () => act('Previous', () => call('POST', '/polls/current/previous'));
const toggleVoting = () => act('Voting', () => call('POST', `/polls/current/${state && state.voting_open ? 'close' : 'open'}`));
const toggleResults = () => act('Results', () => call('POST', `/polls/current/results/${state && state.results_visible ? 'hide' : 'show'}`));
const ROLE_NAMES = { presenter: '', cohost: ' (co-host)', moderator: ' (moderator)' };

// The deck's title as this browser saved it, else (a co-host's or a
// moderator's browser) its first question, as the editor names decks.
const titleOf = () => (deckOf(id) || {}).title || (deck && deck.polls.length ? deck.polls[0].question : 'Presentation');

function layout() {
  fill(app,
    h('div', { class: 'row' },
      h('h1', { class: 'grow' }, `Console${ROLE_NAMES[access.role] || ''}: ${titleOf()}`),
      h('a', { class: 'button secondary', href: `/screen/${id}`, target: '_blank', rel: 'noopener', id: 'open-screen' }, 'Open the big screen'),
      h('a', { href: '/' }, 'All presentations')),
    h('p', { class: 'status', id: 'conn', role: 'status' }),
    h('div', { id: 'message', role: 'alert' }),
    may('run') ? null : h('p', { class: 'notice', id: 'role-note' },
      'You moderate the audience\'s text: hide or approve what they send, pin and answer questions. The presenter runs the slides.'),
    h('div', { class: 'console-grid' },
      h('section', { 'aria-labelledby': 'slide-h' },
        h('h2', { id: 'slide-h' }, 'On screen'),
        h('div', { class: 'card stack', id: 'slide' }),
        h('div', { class: 'row', id: 'slide-controls', hidden: !may('run') },
          h('button', { id: 'prev', class: 'secondary', onclick: previous, 'aria-keyshortcuts': 'ArrowLeft' }, '← Previous'),
          h('button', { id: 'next', onclick: next, 'aria-keyshortcuts': 'ArrowRight' }, 'Next →'),
          h('label', { for: 'goto' }, 'Go to'),
          h('select', { id: 'goto', onchange: (e) => act('Go to', () => call('PUT', '/polls/current/index', { index: Number(e.target.value) })) })),
        h('div', { class: 'row', id: 'poll-controls', hidden: !may('run') },
          h('button', { id: 'toggle-voting', class: 'secondary', onclick: toggleVoting, 'aria-keyshortcuts': 'Space' }),
          h('button', { id: 'toggle-results', class: 'secondary', onclick: toggleResults, 'aria-keyshortcuts': 'R' }),
          h('button', { id: 'reset', class: 'danger', onclick: () => {
            if (state && state.poll && confirm('Start a new round of this poll? Its results start from zero; earlier rounds stay readable.')) {
              act('Reset', () => call('POST', `/polls/${state.poll.poll_id}/reset`));
            }
          } }, 'Reset round')),
        h('form', { class: 'row', id: 'timer-controls', hidden: !may('run'), onsubmit: (e) => {
          e.preventDefault();
          const seconds = Number(document.getElementById('timer-seconds').value);
          act('Timer', () => call('POST', '/polls/current/timer', { seconds }));
        } },
        h('label', { for: 'timer-seconds' }, 'Timer (seconds)'),
        h('input', { id: 'timer-seconds', type: 'number', min: 0, max: 86400, value: 30, inputmode: 'numeric' }),
        h('button', { type: 'submit', class: 'secondary', id: 'timer-start' }, 'Start or extend'),
        h('button', { type: 'button', class: 'secondary', id: 'timer-stop', onclick: () => act('Timer', () => call('POST', '/polls/current/timer', { seconds: 0 })) }, 'Stop timer')),
        h('p', { class: 'status', hidden: !may('run') }, 'Keys: ', h('span', { class: 'kbd' }, '←'), ' ', h('span', { class: 'kbd' }, '→'), ' move, ',
          h('span', { class: 'kbd' }, 'Space'), ' open or close voting, ', h('span', { class: 'kbd' }, 'R'), ' results.'),
        h('h2', {}, 'Results'),
        h('p', { id: 'counts', class: 'status', role: 'status' }),
        h('div', { id: 'results', class: 'card' })),
      h('aside', { 'aria-label': 'Audience and moderation' },
        h('h2', {}, 'Audience'),
        h('p', { id: 'audience', class: 'countdown' }, '–'),
        h('section', { id: 'moderation', 'aria-labelledby': 'mod-h' }, h('h2', { id: 'mod-h' }, 'Moderation'), h('div', { id: 'queue' })),
        h('section', { id: 'board', 'aria-labelledby': 'board-h' }, h('h2', { id: 'board-h' }, 'Quiz leaderboard'), h('div', { id: 'leaderboard' })))));
}

function drawState() {
  const poll = state && state.poll;
  const slide = document.getElementById('slide');
  if (!poll) {
    fill(slide, h('p', {}, 'No poll on screen.'));
    return;
  }
  const timer = state.deadline_ms != null ? ` · timer: ${Math.ceil(state.ms_left / 1000)} s left when sent` : '';
  fill(slide,
    h('p', { class: 'muted' }, `Slide ${state.current_poll_index + 1} of ${state.poll_count} · ${poll.type || 'single'} · round ${state.round || 1}`),
    h('p', { id: 'current-question' }, h('strong', {}, poll.question)),
    h('p', {}, h('span', { class: 'tag', id: 'voting-state' }, state.voting_open ? 'Voting open' : 'Voting closed'), ' ',
      h('span', { class: 'tag' }, state.results_visible ? 'Results shown' : 'Results hidden'), timer));
  fill(document.getElementById('toggle-voting'), state.voting_open ? 'Close voting (Space)' : 'Open voting (Space)');
  fill(document.getElementById('toggle-results'), state.results_visible ? 'Hide results (R)' : 'Show results (R)');
  document.getElementById('prev').disabled = state.current_poll_index === 0;
  document.getElementById('next').disabled = state.current_poll_index >= state.poll_count - 1;
  const goto = document.getElementById('goto');
  fill(goto, (deck ? deck.polls : []).map((p, i) => h('option', { value: i, selected: i === state.current_poll_index }, `${i + 1}. ${p.question}`)));
  if (!results || results.poll_id !== poll.poll_id) {
    fill(document.getElementById('results'), h('p', { class: 'muted' }, 'Waiting for the first votes…'));
    fill(document.getElementById('queue'));
  }
  document.getElementById('board').classList.toggle('hidden', !(may('run') && deck && deck.polls.some((p) => p.type === 'quiz')));
}

function drawResultsPanel() {
  const poll = state && state.poll;
  if (!results || !poll || results.poll_id !== poll.poll_id) return;
  fill(document.getElementById('audience'), `${results.audience ?? 0} connected`);
  fill(document.getElementById('counts'), summary(results));
  drawResults(document.getElementById('results'), results, poll);
  drawQueue();
  if (may('run') && pollType(results) === 'quiz' && Date.now() - lastBoard > 1000) loadBoard();
}

// Audience text waiting for a decision, and what is shown (to hide).
function drawQueue() {
  const type = pollType(results);
  const pollId = results.poll_id;
  const entry = (entryId, text, held) => h('li', { class: 'row' },
    h('span', { class: 'grow' }, text),
    h('button', { class: `small ${held ? '' : 'danger'}`, 'aria-label': `${held ? 'Approve' : 'Hide'}: ${text}`, onclick: () => act('Moderation', () => call('POST', `/polls/${pollId}/entries/${entryId}/${held ? 'approve' : 'hide'}`)) }, held ? 'Approve' : 'Hide'));
  let held = [];
  let shown = [];
  if (type === 'wordcloud') {
    held = (results.held_words || []).map((w) => entry(w.entry_id, `${w.word} (${w.count})`, true));
    shown = (results.words || []).map((w) => entry(w.entry_id, `${w.word} (${w.count})`, false));
  } else if (type === 'open') {
    held = (results.entries || []).filter((e) => e.hidden).map((e) => entry(e.entry_id, e.text, true));
    shown = (results.entries || []).filter((e) => !e.hidden).map((e) => entry(e.entry_id, e.text, false));
  } else if (type === 'qa') {
    const q = (x) => h('li', { class: 'row' },
      h('span', { class: 'grow' }, `▲ ${x.upvotes} `, x.text),
      ...(x.hidden ? [['approve', 'Approve']] : [['hide', 'Hide'], [x.pinned ? 'unpin' : 'pin', x.pinned ? 'Unpin' : 'Pin'], ...(x.answered ? [] : [['answered', 'Answered']])])
        .map(([action, label]) => h('button', { class: 'small secondary', 'aria-label': `${label}: ${x.text}`, onclick: () => act('Moderation', () => call('POST', `/polls/${pollId}/questions/${x.question_id}/${action}`)) }, label)));
    const all = arrangeQuestions(results.questions || []);
    held = all.filter((x) => x.hidden).map(q);
    shown = all.filter((x) => !x.hidden).map(q);
  } else {
    fill(document.getElementById('queue'), h('p', { class: 'muted' }, 'Nothing to moderate on this poll.'));
    return;
  }
  fill(document.getElementById('queue'),
    h('h3', {}, `Held (${held.length})`), held.length ? h('ul', { class: 'stack', id: 'held' }, held) : h('p', { class: 'muted' }, 'Nothing held.'),
    h('h3', {}, `Shown (${shown.length})`), shown.length ? h('ul', { class: 'stack', id: 'shown' }, shown) : h('p', { class: 'muted' }, 'Nothing yet.'));
}

async function loadBoard() {
  lastBoard = Date.now();
  try {
    leaderboard = await call('GET', '/leaderboard');
  } catch {
    return;
  }
  fill(document.getElementById('leaderboard'), leaderboardTable(leaderboard, { limit: 20, withCorrect: true }));
}

function onKey(e) {
  if (e.altKey || e.ctrlKey || e.metaKey || !may('run')) return;
  const t = e.target;
  // Typing in a field, or pressing a focused button, keeps its usual meaning.
  if (t.closest && t.closest('input, textarea, select, button, a, summary')) return;
  if (e.key === 'ArrowRight' || e.key === 'PageDown') next();
  else if (e.key === 'ArrowLeft' || e.key === 'PageUp') previous();
  else if (e.key === ' ') toggleVoting();
  else if (e.key === 'r' || e.key === 'R') toggleResults();
  else return;
  e.preventDefault();
}

const holderOf = (key) => api('GET', `/presentations/${id}/access`, { token: key, attempts: 1 });

async function start() {
  token = id ? await takeLinkKey(id, holderOf) : null;
  if (!id || !token) return askForToken(app, id, 'Presenter console');
  try {
    // Whose key this is, and what it may do: a wrong or revoked key is
    // found here, before any control is drawn.
    access = await holderOf(token);
  } catch (e) {
    if (e.status === 401 || e.status === 403) return askForToken(app, id, 'Presenter console');
    fill(app, h('h1', {}, 'Presenter console'), h('div', { class: 'notice error', role: 'alert' }, `Could not load the presentation: ${e.message}`));
    return;
  }
  let failed = null;
  try {
    deck = await api('GET', `/presentations/${id}`);
  } catch (e) {
    failed = e;
  }
  layout();
  if (failed) say(`Could not load the presentation: ${failed.message}`, 'error');
  // The slides, as the phones get them; the subprotocols mark this page
  // as the presenter's, so it is not counted in the audience.
  follow(`/presentations/${id}/live`, {
    protocols: presenterProtocols(token),
    eventsPath: `/presentations/${id}/events`,
    onMessage: (m) => {
      if (m.type === 'state' && (!state || m.version >= state.version)) {
        state = m;
        drawState();
        drawResultsPanel();
      } else if (m.type === 'deleted') {
        say('This presentation was deleted.', 'error');
      }
    },
    onStatus: (s) => { slidesStatus = s; drawConn(); },
  });
  follow(`/presentations/${id}/live/presenter`, {
    protocols: presenterProtocols(token),
    onMessage: (m) => {
      if (m.type === 'results') {
        results = m;
        drawResultsPanel();
      }
    },
    onStatus: (s) => { presenterStatus = s; drawConn(); },
  });
  document.addEventListener('keydown', onKey);
  if (may('run') && deck && deck.polls.some((p) => p.type === 'quiz')) loadBoard();
}

start();
