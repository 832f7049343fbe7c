// The judge's score sheet (`/judge/{contest}#<secret>`), made for a phone:
// every contestant the judge scores, each criterion with its description
// and large − and + buttons, a comment per contestant, Save draft and
// Submit. A submitted sheet is locked until the organiser reopens it.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { takeKey, keyOf, contestIdIn, askForKey } from './contest-key.js';

const app = document.getElementById('app');
const [id] = contestIdIn('judge');
let token = null;
let sheet = null;
let roundId = '';

const call = (method, path, body) => api(method, `/contests/${id}${path}`, { body, token });
const inputId = (c, k) => `m-${c}-${k}`;

function say(text, kind = '') {
  fill(document.getElementById('message'), text ? h('div', { class: `notice ${kind}` }, text) : null);
}

// Moves a mark by one step within the criterion's range (exactly: steps
// are counted in integers of the step's decimals).
function stepped(value, criterion, direction) {
  const places = (s) => (s.split('.')[1] || '').length;
  const scale = 10 ** Math.max(places(criterion.step), places(criterion.min), places(value || ''));
  const [min, max, step] = [criterion.min, criterion.max, criterion.step].map((x) => Math.round(Number(x) * scale));
  const now = value === '' ? (direction > 0 ? min - step : max + step) : Math.round(Number(value) * scale);
  const next = Math.min(max, Math.max(min, now + direction * step));
  return String(next / scale);
}

function draw() {
  const locked = sheet.state === 'submitted' || sheet.round_state !== 'open';
  const markOf = (c, k) => (sheet.marks.find((m) => m.contestant_id === c && m.criterion_id === k) || {}).value || '';
  const commentOf = (c) => (sheet.comments.find((m) => m.contestant_id === c) || {}).text || '';
  const round = sheet.contest.rounds.find((r) => r.round_id === roundId);
  fill(app,
    h('h1', {}, sheet.contest.title),
    h('p', { class: 'muted' }, `${round ? round.name : ''} · your sheet is `, h('strong', { id: 'sheet-state' }, sheet.state),
      sheet.round_state !== 'open' ? ` · the round is ${sheet.round_state}` : ''),
    h('div', { id: 'message', role: 'alert' }),
    sheet.state === 'submitted' ? h('div', { class: 'notice ok' }, 'Submitted and locked. Only the organiser can reopen it.') : null,
    sheet.contestants.map((c) => h('section', { class: 'card stack', 'aria-labelledby': `c-${c.contestant_id}` },
      h('h2', { id: `c-${c.contestant_id}` }, c.name),
      sheet.contest.criteria.map((k) => {
        const input = h('input', { id: inputId(c.contestant_id, k.criterion_id), class: 'mark', inputmode: 'decimal',
          value: markOf(c.contestant_id, k.criterion_id), disabled: locked, 'aria-describedby': `d-${c.contestant_id}-${k.criterion_id}` });
        const nudge = (dir) => () => { input.value = stepped(input.value.trim(), k, dir); };
        return h('div', { class: 'criterion' },
          h('label', { for: input.id }, `${k.name} (${k.min}–${k.max}, step ${k.step}, weight ${k.weight})`),
          h('p', { class: 'muted', id: `d-${c.contestant_id}-${k.criterion_id}` }, k.description),
          h('div', { class: 'stepper' },
            h('button', { type: 'button', class: 'secondary', disabled: locked, 'aria-label': `${k.name} for ${c.name}: one step down`, onclick: nudge(-1) }, '−'),
            input,
            h('button', { type: 'button', class: 'secondary', disabled: locked, 'aria-label': `${k.name} for ${c.name}: one step up`, onclick: nudge(1) }, '+')));
      }),
      h('label', { for: `note-${c.contestant_id}` }, `Comment for ${c.name} (optional)`),
      h('textarea', { id: `note-${c.contestant_id}`, disabled: locked, value: commentOf(c.contestant_id), maxlength: 4000 }))),
    locked ? null : h('div', { class: 'row sheet-actions' },
      h('button', { id: 'save', class: 'secondary', onclick: () => save(false) }, 'Save draft'),
      h('button', { id: 'submit', onclick: () => {
        if (confirm('Submit your sheet? It is locked afterwards.')) save(true);
      } }, 'Submit sheet')));
}

async function save(submit) {
  const marks = [];
  const comments = [];
  for (const c of sheet.contestants) {
    for (const k of sheet.contest.criteria) {
      const value = document.getElementById(inputId(c.contestant_id, k.criterion_id)).value.trim();
      const before = (sheet.marks.find((m) => m.contestant_id === c.contestant_id && m.criterion_id === k.criterion_id) || {}).value || '';
      if (value !== before) marks.push({ contestant_id: c.contestant_id, criterion_id: k.criterion_id, value: value || null });
    }
    comments.push({ contestant_id: c.contestant_id, text: document.getElementById(`note-${c.contestant_id}`).value });
  }
  try {
    sheet = await call('PUT', `/rounds/${roundId}/sheet`, { marks, comments, submit });
    draw();
    say(submit ? 'Submitted.' : 'Draft saved.', 'ok');
  } catch (e) {
    say(e.message, 'error');
  }
}

async function start() {
  if (!id) return fill(app, h('h1', {}, 'Score sheet'), h('p', {}, 'Open the private link the organiser sent you.'));
  // A judge's secret kept by an earlier release (under `contest`) still
  // opens the sheet.
  token = (await takeKey(id, 'judge')) || keyOf(id, 'contest');
  if (!token) return askForKey(app, id, 'Score sheet', 'your judge link', 'judge');
  try {
    const contest = await call('GET', '');
    const round = contest.rounds.find((r) => r.state === 'open') || contest.rounds.find((r) => r.state !== 'published') || contest.rounds[0];
    roundId = round.round_id;
    sheet = await call('GET', `/rounds/${roundId}/sheet`);
    draw();
  } catch (e) {
    fill(app, h('h1', {}, 'Score sheet'), h('div', { class: 'notice error', role: 'alert' }, e.message));
  }
}

start();
