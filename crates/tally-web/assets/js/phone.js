// The audience's phone page: join by code, follow the slides live, vote in
// every poll type, ask and upvote questions.
//
// The participant id lives in local storage, so a phone that reloads or
// rejoins keeps its identity and sees the vote it made. A vote made
// while offline waits in local storage and is sent once the phone is back:
// Tally counts the same vote from the same participant once, so sending
// it again is always safe.
import { h, fill, uuid, store } from './dom.js';
import { api, ApiError, OfflineError } from './api.js';
import { follow } from './live.js';
import { drawResults } from './results.js';

const app = document.getElementById('app');
const clientId = store.get('tally.client') || (() => {
  const id = uuid();
  store.set('tally.client', id);
  return id;
})();

let joined = null; // {presentation_id, join_code}
let state = null; // the newest `state` message
let stateAt = 0; // when it arrived (performance.now()), for the countdown
let results = null; // the newest audience `results` message
let connection = 'connecting';
let note = null; // {kind, text}: the last outcome, shown under the poll
let questions = [];
let questionsTimer = null;

const voteKey = (pollId, round) => `tally.vote.${pollId}.${round || 1}`;
const codeInPath = () => {
  const m = location.pathname.match(/^\/j\/([0-9][0-9 -]{4,8}[0-9])\/?$/);
  return m ? m[1].replace(/[\s-]/g, '') : '';
};

// ---- joining ----

function showJoin(code, message) {
  const codeInput = h('input', {
    id: 'code', name: 'code', inputmode: 'numeric', autocomplete: 'off', required: true,
    pattern: '[0-9 \\-]{6,8}', value: code || '', 'aria-describedby': 'code-help',
  });
  const nameInput = h('input', { id: 'name', name: 'name', maxlength: 30, autocomplete: 'nickname', value: store.get('tally.name', '') });
  const error = h('div', { role: 'alert', class: message ? 'notice error' : '' }, message || '');
  const form = h('form', { class: 'card stack', onsubmit: (e) => {
    e.preventDefault();
    join(codeInput.value, nameInput.value.trim(), error);
  } },
  h('div', { class: 'stack' }, h('label', { for: 'code' }, 'Join code'),
    codeInput, h('div', { id: 'code-help', class: 'status' }, 'The six digits on the big screen.')),
  h('div', { class: 'stack' }, h('label', { for: 'name' }, 'Your name (optional)'), nameInput),
  h('button', { type: 'submit' }, 'Join'),
  error);
  fill(app, h('h1', {}, 'Join a presentation'), form);
  (code ? nameInput : codeInput).focus();
}

async function join(code, name, error) {
  const digits = String(code).replace(/[\s-]/g, '');
  fill(error, 'Joining…');
  error.className = 'notice';
  try {
    const j = await api('GET', `/join/${encodeURIComponent(digits)}`, { onWaiting: () => fill(error, 'Busy, retrying…') });
    if (name) {
      await api('POST', `/presentations/${j.presentation_id}/participants`, { body: { client_id: clientId, name } });
      store.set('tally.name', name);
    }
    start(j);
  } catch (e) {
    error.className = 'notice error';
    if (e instanceof OfflineError) fill(error, 'You seem to be offline. Check your connection and try again.');
    else if (e instanceof ApiError && e.status === 404) fill(error, 'No presentation has this code. Check the code on the big screen.');
    else fill(error, e.message);
  }
}

function start(j) {
  joined = { presentation_id: j.presentation_id, join_code: j.join_code };
  store.set('tally.joined', joined);
  if (location.pathname !== `/j/${j.join_code}`) history.replaceState(null, '', `/j/${j.join_code}`);
  state = {
    type: 'state', version: j.state_version, current_poll_index: j.current_poll_index,
    poll_count: j.poll_count, voting_open: j.voting_open, results_visible: false, poll: j.poll,
  };
  stateAt = performance.now();
  render();
  follow(`/presentations/${joined.presentation_id}/live`, {
    eventsPath: `/presentations/${joined.presentation_id}/events`,
    onMessage,
    onStatus: (s) => {
      connection = s;
      renderStatus();
      if (s === 'live') sendQueued();
    },
  });
  addEventListener('online', sendQueued);
  setInterval(sendQueued, 5000);
  setInterval(tick, 250);
}

function onMessage(m) {
  if (m.type === 'state') {
    if (state && m.version < state.version) return;
    const moved = !state || !state.poll || !m.poll || state.poll.poll_id !== m.poll.poll_id || state.round !== m.round;
    state = m;
    stateAt = performance.now();
    if (moved) {
      note = null;
      results = null;
      questions = [];
    }
    render();
    sendQueued();
  } else if (m.type === 'results') {
    results = m;
    renderResults();
  } else if (m.type === 'deleted') {
    fill(app, h('h1', {}, 'This presentation has ended'), h('p', {}, 'Thank you for taking part.'));
  }
}

// ---- rendering ----

const statusText = {
  live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', offline: 'Offline: your votes will be sent when you are back', deleted: 'Ended',
};

function renderStatus() {
  const el = document.getElementById('status');
  if (el) fill(el, statusText[connection] || connection);
}

function render() {
  const poll = state && state.poll;
  const header = h('div', { class: 'row' },
    h('span', { class: 'grow status', id: 'status', role: 'status' }, statusText[connection] || ''),
    poll ? h('span', { class: 'tag' }, `Slide ${state.current_poll_index + 1} of ${state.poll_count}`) : null);
  if (!poll) {
    fill(app, header, h('h1', {}, 'Waiting for the presenter…'));
    return;
  }
  const body = h('div', { id: 'poll' });
  fill(app, header,
    h('h1', { id: 'question' }, poll.question),
    h('div', { id: 'countdown', class: 'countdown', role: 'timer', 'aria-live': 'off' }),
    body,
    h('div', { id: 'outcome', role: 'status', 'aria-live': 'polite' }, note ? h('div', { class: `notice ${note.kind}` }, note.text) : null),
    h('div', { id: 'results' }));
  const type = poll.type || 'single';
  if (type === 'qa') renderQa(body, poll);
  else renderVote(body, poll, type);
  tick();
  renderResults();
}

function tick() {
  const el = document.getElementById('countdown');
  if (!el || !state) return;
  if (state.deadline_ms == null || !state.voting_open) {
    el.textContent = '';
    return;
  }
  const left = Math.max(0, state.ms_left - (performance.now() - stateAt));
  const s = Math.ceil(left / 1000);
  el.textContent = left > 0 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} left` : 'Time is up';
}

function renderResults() {
  const el = document.getElementById('results');
  if (!el) return;
  const poll = state && state.poll;
  if (!state.results_visible || !results || !poll || results.poll_id !== poll.poll_id) {
    el.replaceChildren();
    return;
  }
  let holder = el.querySelector('.card');
  if (!holder) {
    holder = h('div', { class: 'card' });
    fill(el, h('h2', {}, 'Results'), holder);
  }
  const mine = store.get(voteKey(poll.poll_id, state.round));
  const extra = [];
  if (results.correct && mine && mine.state === 'sent') {
    const picked = [].concat(mine.body.key || mine.body.keys || []).sort().join(',');
    const right = picked === [...results.correct].sort().join(',');
    extra.push(h('p', { class: `notice ${right ? 'ok' : 'error'}` }, right ? 'Correct!' : 'Not this time.'));
  }
  if (results.correct) {
    extra.push(h('p', { id: 'score', class: 'countdown' }, score == null ? '' : `Your quiz score: ${score.score} points (${score.correct} correct)`));
    loadScore();
  }
  const chart = holder.querySelector('.chart') || h('div', { class: 'chart' });
  drawResults(chart, results, poll);
  fill(holder, extra, chart);
}

let score = null;
let scoreAt = 0;
// Your score over every quiz poll so far. Tally shares one computation
// among all phones for two seconds, so asking is cheap; answers on the
// spike path count once flushed, hence the few retries.
async function loadScore() {
  if (Date.now() - scoreAt < 2500) return;
  scoreAt = Date.now();
  try {
    score = await api('GET', `/presentations/${joined.presentation_id}/participants/${clientId}/score`);
    const el = document.getElementById('score');
    if (el) el.textContent = `Your quiz score: ${score.score} points (${score.correct} correct)`;
  } catch {
    // Shown on the next results update.
  }
}
setInterval(() => {
  if (state && state.results_visible && results && results.correct) loadScore();
}, 3000);

// ---- voting ----

function renderVote(el, poll, type) {
  const mine = store.get(voteKey(poll.poll_id, state.round));
  const canChange = !!poll.allow_change;
  if (mine && mine.state !== 'editing') {
    const text = {
      sent: '✓ Your vote was counted.',
      sending: 'Sending…',
      queued: 'You are offline. Your vote is saved on this phone and will be sent when you are back online.',
    }[mine.state] || '';
    fill(el, h('div', { class: `notice ${mine.state === 'sent' ? 'ok' : ''}`, id: 'confirmation' }, text),
      h('p', { class: 'muted' }, describe(poll, mine.body)),
      canChange && state.voting_open && mine.state === 'sent' ? h('div', { class: 'row' },
        h('button', { class: 'secondary', onclick: () => {
          store.set(voteKey(poll.poll_id, state.round), { ...mine, state: 'editing' });
          render();
        } }, 'Change my vote'),
        h('button', { class: 'danger', onclick: () => retract(poll) }, 'Retract my vote')) : null);
    return;
  }
  if (!state.voting_open) {
    fill(el, h('p', { class: 'notice' }, 'Voting is closed.'));
    return;
  }
  const form = h('form', { class: 'stack', onsubmit: (e) => {
    e.preventDefault();
    const body = readVote(form, poll, type);
    if (typeof body === 'string') {
      note = { kind: 'error', text: body };
      fill(document.getElementById('outcome'), h('div', { class: 'notice error' }, body));
      return;
    }
    send(poll, body, mine);
  } });
  buildForm(form, poll, type, mine && mine.body);
  form.append(h('button', { type: 'submit' }, mine ? 'Send my new vote' : 'Vote'));
  if (mine) form.append(h('button', { type: 'button', class: 'secondary', onclick: () => {
    store.set(voteKey(poll.poll_id, state.round), { ...mine, state: 'sent' });
    render();
  } }, 'Keep my vote'));
  fill(el, form);
}

function field(poll) {
  return poll.vote_field || 'key';
}

function buildForm(form, poll, type, previous) {
  const f = field(poll);
  const opts = poll.options || [];
  const max = poll.max_choices;
  if (['single', 'multiple', 'quiz'].includes(type)) {
    const many = f === 'keys';
    const chosen = new Set([].concat((previous && (previous.key || previous.keys)) || []));
    form.append(h('fieldset', { class: 'stack' },
      h('legend', { class: 'muted' }, many ? `Choose ${poll.min_choices && poll.min_choices > 1 ? `${poll.min_choices} to ` : 'up to '}${max || opts.length}` : 'Choose one'),
      h('ul', { class: 'choices' }, opts.map((o) => h('li', {}, h('label', {},
        h('input', { type: many ? 'checkbox' : 'radio', name: 'choice', value: o.key, checked: chosen.has(o.key) }),
        h('span', {}, o.value)))))));
  } else if (type === 'scale') {
    const sc = poll.scale || { min: 1, max: 5 };
    const values = [];
    for (let v = sc.min; v <= sc.max; v++) values.push(v);
    for (const o of opts) {
      const was = previous && previous.ratings ? previous.ratings[o.key] : undefined;
      form.append(h('fieldset', { class: 'card' },
        h('legend', {}, o.value),
        h('div', { class: 'row' }, values.map((v) => h('label', { class: 'row' },
          h('input', { type: 'radio', name: `rate-${o.key}`, value: v, checked: was === v }),
          h('span', {}, String(v))))),
        sc.min_label || sc.max_label ? h('div', { class: 'row status' },
          h('span', { class: 'grow' }, `${sc.min} = ${sc.min_label || ''}`), h('span', {}, `${sc.max} = ${sc.max_label || ''}`)) : null));
    }
  } else if (type === 'ranking') {
    const order = previous && previous.ranking ? [...previous.ranking, ...opts.map((o) => o.key).filter((k) => !previous.ranking.includes(k))] : opts.map((o) => o.key);
    const list = h('ol', { class: 'choices', id: 'ranking' });
    const name = (k) => (opts.find((o) => o.key === k) || {}).value || k;
    const draw = () => fill(list, order.map((k, i) => h('li', { class: 'rank-item', 'data-key': k },
      h('span', { class: 'pos' }, `${i + 1}.`), h('span', { class: 'grow' }, name(k)),
      h('button', { type: 'button', class: 'small secondary', 'aria-label': `Move ${name(k)} up`, disabled: i === 0, onclick: () => { order.splice(i - 1, 0, order.splice(i, 1)[0]); draw(); list.querySelectorAll('button')[Math.max(0, (i - 1) * 2)].focus(); } }, '↑'),
      h('button', { type: 'button', class: 'small secondary', 'aria-label': `Move ${name(k)} down`, disabled: i === order.length - 1, onclick: () => { order.splice(i + 1, 0, order.splice(i, 1)[0]); draw(); list.querySelectorAll('button')[Math.min(order.length * 2 - 1, (i + 1) * 2 + 1)].focus(); } }, '↓'))));
    draw();
    form.append(h('p', { class: 'muted' }, 'Best first. Use the arrows to reorder.'), list);
  } else if (type === 'points') {
    const budget = poll.points_budget || 100;
    const left = h('p', { class: 'status', 'aria-live': 'polite' });
    const inputs = opts.map((o) => h('input', {
      type: 'number', min: 0, max: budget, step: 1, id: `pts-${o.key}`, 'data-key': o.key, inputmode: 'numeric',
      value: previous && previous.points ? String(previous.points[o.key] || 0) : '0',
    }));
    const update = () => {
      const used = inputs.reduce((s, i) => s + (parseInt(i.value, 10) || 0), 0);
      left.textContent = `${budget - used} of ${budget} points left`;
    };
    inputs.forEach((i) => i.addEventListener('input', update));
    form.append(h('div', { class: 'stack' }, opts.map((o, n) => h('div', { class: 'row' },
      h('label', { class: 'grow', for: `pts-${o.key}` }, o.value), inputs[n]))), left);
    update();
  } else if (type === 'wordcloud') {
    const n = poll.max_entries || 3;
    const was = (previous && previous.words) || [];
    for (let i = 0; i < n; i++) {
      form.append(h('div', { class: 'stack' }, h('label', { for: `word-${i}` }, n === 1 ? 'Your word' : `Word ${i + 1}${i ? ' (optional)' : ''}`),
        h('input', { id: `word-${i}`, name: 'word', maxlength: poll.max_length || 25, autocomplete: 'off', value: was[i] || '' })));
    }
  } else if (type === 'open') {
    form.append(h('label', { for: 'text' }, 'Your answer'),
      h('textarea', { id: 'text', name: 'text', maxlength: poll.max_length || 280, value: (previous && previous.text) || '' }));
  }
}

// The vote body the form holds, or a sentence saying what is missing.
function readVote(form, poll, type) {
  const f = field(poll);
  if (['single', 'multiple', 'quiz'].includes(type)) {
    const keys = [...form.querySelectorAll('input[name="choice"]:checked')].map((i) => i.value);
    if (!keys.length) return 'Choose an answer first.';
    if (f === 'keys') {
      if (poll.min_choices && keys.length < poll.min_choices) return `Choose at least ${poll.min_choices}.`;
      if (poll.max_choices && keys.length > poll.max_choices) return `Choose at most ${poll.max_choices}.`;
      return { keys };
    }
    return { key: keys[0] };
  }
  if (type === 'scale') {
    const ratings = {};
    for (const o of poll.options || []) {
      const picked = form.querySelector(`input[name="rate-${CSS.escape(o.key)}"]:checked`);
      if (picked) ratings[o.key] = Number(picked.value);
    }
    return Object.keys(ratings).length ? { ratings } : 'Rate at least one statement.';
  }
  if (type === 'ranking') {
    const ranking = [...form.querySelectorAll('#ranking li')].map((li) => li.dataset.key);
    return { ranking: ranking.slice(0, poll.max_choices || ranking.length) };
  }
  if (type === 'points') {
    const points = {};
    let sum = 0;
    for (const i of form.querySelectorAll('input[type="number"]')) {
      const v = parseInt(i.value, 10) || 0;
      if (v < 0) return 'Points cannot be negative.';
      if (v > 0) points[i.dataset.key] = v;
      sum += v;
    }
    if (sum === 0) return 'Give at least one point.';
    if (sum > (poll.points_budget || 100)) return `You have only ${poll.points_budget || 100} points.`;
    return { points };
  }
  if (type === 'wordcloud') {
    const words = [...form.querySelectorAll('input[name="word"]')].map((i) => i.value.trim()).filter(Boolean);
    return words.length ? { words } : 'Type a word first.';
  }
  if (type === 'open') {
    const text = form.querySelector('textarea').value.trim();
    return text ? { text } : 'Type your answer first.';
  }
  return 'This poll type is not supported here.';
}

function describe(poll, body) {
  const name = (k) => ((poll.options || []).find((o) => o.key === k) || {}).value || k;
  if (body.key) return `You chose: ${name(body.key)}`;
  if (body.keys) return `You chose: ${body.keys.map(name).join(', ')}`;
  if (body.ratings) return `Your ratings: ${Object.entries(body.ratings).map(([k, v]) => `${name(k)} ${v}`).join(', ')}`;
  if (body.ranking) return `Your order: ${body.ranking.map(name).join(' > ')}`;
  if (body.points) return `Your points: ${Object.entries(body.points).map(([k, v]) => `${name(k)} ${v}`).join(', ')}`;
  if (body.words) return `Your words: ${body.words.join(', ')}`;
  if (body.text) return `Your answer: ${body.text}`;
  return '';
}

const REFUSED = {
  voting_closed: 'Voting closed before your vote arrived.',
  already_voted: 'You already voted on this poll, and it does not allow changes.',
  poll_not_current: 'The presenter moved on before your vote arrived.',
};

// Sends a vote (or its change). `previous` is what the phone held before,
// restored if Tally refuses the new one.
async function send(poll, body, previous) {
  const key = voteKey(poll.poll_id, state.round);
  const record = { body, state: 'sending', round: state.round, poll_id: poll.poll_id, presentation_id: joined.presentation_id };
  store.set(key, record);
  note = null;
  render();
  await deliver(key, record, previous);
}

async function deliver(key, record, previous) {
  try {
    await api('POST', `/presentations/${record.presentation_id}/polls/current/votes`, {
      body: { ...record.body, client_id: clientId, poll_id: record.poll_id },
      onWaiting: busy,
    });
    store.set(key, { ...record, state: 'sent' });
    note = null;
  } catch (e) {
    if (e instanceof OfflineError) {
      store.set(key, { ...record, state: 'queued' });
    } else {
      if (previous && previous.state !== 'queued') store.set(key, { ...previous, state: 'sent' });
      else store.remove(key);
      note = { kind: 'error', text: REFUSED[e.code] || e.message };
    }
  }
  if (state && state.poll && state.poll.poll_id === record.poll_id) render();
}

let flushing = false;
// Sends the vote this phone saved while offline, if the poll is still on
// screen. A repeat is harmless: Tally counts it once.
async function sendQueued() {
  if (flushing || !state || !state.poll || navigator.onLine === false) return;
  const key = voteKey(state.poll.poll_id, state.round);
  const record = store.get(key);
  if (!record || record.state !== 'queued') return;
  flushing = true;
  try {
    await deliver(key, { ...record, state: 'sending' }, null);
  } finally {
    flushing = false;
  }
}

async function retract(poll) {
  const key = voteKey(poll.poll_id, state.round);
  try {
    await api('DELETE', `/presentations/${joined.presentation_id}/polls/current/votes`, {
      body: { client_id: clientId, poll_id: poll.poll_id },
      onWaiting: busy,
    });
    store.remove(key);
    note = { kind: 'ok', text: 'Your vote was retracted.' };
  } catch (e) {
    note = { kind: 'error', text: e instanceof OfflineError ? 'You are offline; try again when you are back.' : REFUSED[e.code] || e.message };
  }
  render();
}

// Tally shed the request (429 or 503); it is sent again after Retry-After.
const busy = (ms) => setOutcome('', `Sending… Tally is busy; trying again in ${Math.max(1, Math.round(ms / 1000))} s.`);

function setOutcome(kind, text) {
  const el = document.getElementById('outcome');
  if (el) fill(el, h('div', { class: `notice ${kind}` }, text));
}

// ---- Q&A ----

function renderQa(el, poll) {
  const upvoted = new Set(store.get(`tally.upvoted.${poll.poll_id}`, []));
  const text = h('textarea', { id: 'ask', maxlength: poll.max_length || 280 });
  const list = h('ol', { class: 'questions', id: 'qa-list', 'aria-live': 'polite' });
  const draw = () => fill(list, questions.length ? questions.map((q) => h('li', {},
    // The name starts with what the button shows (WCAG 2.5.3): the
    // count, then what pressing it does.
    h('button', {
      class: `small ${upvoted.has(q.question_id) ? '' : 'secondary'}`, 'aria-pressed': upvoted.has(q.question_id) ? 'true' : 'false',
      onclick: () => upvote(poll, q, upvoted, draw),
    }, h('span', { 'aria-hidden': 'true' }, '▲ '), String(q.upvotes),
    h('span', { class: 'visually-hidden' }, ` upvotes. Upvote: ${q.text}`)),
    h('span', { class: 'grow' }, q.text, q.answered ? h('span', { class: 'tag' }, ' answered') : null)))
    : h('li', { class: 'muted' }, 'No questions yet. Be the first.'));
  fill(el,
    h('form', { class: 'stack', onsubmit: async (e) => {
      e.preventDefault();
      const t = text.value.trim();
      if (!t) return setOutcome('error', 'Type your question first.');
      try {
        await api('POST', `/presentations/${joined.presentation_id}/polls/${poll.poll_id}/questions`, {
          body: { client_id: clientId, text: t }, onWaiting: busy,
        });
        text.value = '';
        setOutcome('ok', 'Your question was sent.');
        await loadQuestions(poll, draw);
      } catch (e2) {
        setOutcome('error', e2 instanceof OfflineError ? 'You are offline; try again when you are back.' : e2.message);
      }
    } }, h('label', { for: 'ask' }, 'Ask a question'), text, h('button', { type: 'submit' }, 'Send question')),
    h('h2', {}, 'Questions'), list);
  draw();
  loadQuestions(poll, draw);
  clearInterval(questionsTimer);
  questionsTimer = setInterval(() => {
    if (!state || !state.poll || state.poll.poll_id !== poll.poll_id) return clearInterval(questionsTimer);
    loadQuestions(poll, draw);
  }, 5000);
}

async function loadQuestions(poll, draw) {
  try {
    questions = await api('GET', `/presentations/${joined.presentation_id}/polls/${poll.poll_id}/questions?sort=top`) || [];
    if (!Array.isArray(questions)) questions = questions.questions || [];
    draw();
  } catch {
    // The next refresh tries again.
  }
}

async function upvote(poll, q, upvoted, draw) {
  const on = !upvoted.has(q.question_id);
  try {
    await api(on ? 'POST' : 'DELETE', `/presentations/${joined.presentation_id}/polls/${poll.poll_id}/questions/${q.question_id}/upvote`, {
      body: { client_id: clientId },
    });
    if (on) upvoted.add(q.question_id);
    else upvoted.delete(q.question_id);
    store.set(`tally.upvoted.${poll.poll_id}`, [...upvoted]);
    await loadQuestions(poll, draw);
  } catch (e) {
    setOutcome('error', e instanceof OfflineError ? 'You are offline; try again when you are back.' : e.message);
  }
}

// ---- start ----

const code = codeInPath();
const saved = store.get('tally.joined');
if (code && saved && saved.join_code === code) {
  // A phone that was here before rejoins as itself.
  api('GET', `/join/${code}`).then(start, () => showJoin(code));
} else {
  showJoin(code);
}
