// The judge's score sheet (`/judge/{contest}#<secret>`), made for a phone:
// every contestant the judge scores, each criterion with its description
// and large − and + buttons, a comment per contestant, Save draft and
// Submit. A submitted sheet is locked until the organiser reopens it.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { takeKey, keyOf, contestIdIn, askForKey } from './contest-key.js';
import { loadLocale, t, errorText } from './i18n.js';
import { localeSwitch, redrawOnLocaleChange } from './locale-switch.js';
import { own, tNodes, listOf } from './contest-text.js';

const app = document.getElementById('app');
const [id] = contestIdIn('judge');
let token = null;
let sheet = null;
let roundId = '';
let view = () => {};
let said = null; // the message under the title, redrawn in a new language

const call = (method, path, body) => api(method, `/contests/${id}${path}`, { body, token });
const inputId = (c, k) => `m-${c}-${k}`;

function say(text, kind = '') {
  said = text ? { text, kind } : null;
  fill(document.getElementById('message'), said ? h('div', { class: `notice ${kind}` }, text()) : null);
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

// Whether a typed mark is one the criterion takes: a number in its range
// on one of its steps (the server checks the same, and has the last word).
function fits(value, k) {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return false;
  const places = Math.max(...[value, k.step, k.min].map((s) => (s.split('.')[1] || '').length));
  const [v, min, max, step] = [value, k.min, k.max, k.step].map((x) => Math.round(Number(x) * 10 ** places));
  return v >= min && v <= max && (v - min) % step === 0;
}

const sheetState = (state) => ({ draft: t('judge-sheet-draft'), submitted: t('judge-sheet-submitted') }[state] || state);
const roundState = (state) => ({ draft: t('judge-round-draft'), closed: t('judge-round-closed'), published: t('judge-round-published') }[state] || state);

function draw() {
  view = draw;
  document.title = t('judge-page-title');
  const locked = sheet.state === 'submitted' || sheet.round_state !== 'open';
  const markOf = (c, k) => (sheet.marks.find((m) => m.contestant_id === c && m.criterion_id === k) || {}).value || '';
  const commentOf = (c) => (sheet.comments.find((m) => m.contestant_id === c) || {}).text || '';
  const round = sheet.contest.rounds.find((r) => r.round_id === roundId);
  fill(app,
    h('div', { class: 'page-head' }, h('h1', {}, own(sheet.contest.title)), localeSwitch()),
    // One message orders the round, the sheet's state and the round's.
    h('p', { class: 'muted', id: 'sheet-line' }, tNodes(sheet.round_state === 'open' ? 'judge-sheet-line' : 'judge-sheet-line-closed', {
      round: own(round ? round.name : ''),
      state: h('strong', { id: 'sheet-state', 'data-state': sheet.state }, sheetState(sheet.state)),
      roundState: roundState(sheet.round_state),
    })),
    h('div', { id: 'message', role: 'alert' }, said ? h('div', { class: `notice ${said.kind}` }, said.text()) : null),
    sheet.state === 'submitted' ? h('div', { class: 'notice ok' }, t('judge-locked')) : null,
    sheet.contestants.map((c) => h('section', { class: 'card stack', 'aria-labelledby': `c-${c.contestant_id}` },
      h('h2', { id: `c-${c.contestant_id}` }, own(c.name)),
      sheet.contest.criteria.map((k) => {
        const input = h('input', { id: inputId(c.contestant_id, k.criterion_id), class: 'mark', inputmode: 'decimal',
          value: markOf(c.contestant_id, k.criterion_id), disabled: locked, 'aria-describedby': `d-${c.contestant_id}-${k.criterion_id}` });
        const nudge = (dir) => () => { input.value = stepped(input.value.trim(), k, dir); };
        const names = { criterion: k.name, contestant: c.name };
        return h('div', { class: 'criterion' },
          h('label', { for: input.id }, tNodes('judge-criterion', { criterion: own(k.name), min: k.min, max: k.max, step: k.step, weight: k.weight })),
          h('p', { class: 'muted', id: `d-${c.contestant_id}-${k.criterion_id}`, dir: 'auto' }, k.description),
          h('div', { class: 'stepper' },
            h('button', { type: 'button', class: 'secondary', disabled: locked, 'aria-label': t('judge-step-down', names), onclick: nudge(-1) }, '−'),
            input,
            h('button', { type: 'button', class: 'secondary', disabled: locked, 'aria-label': t('judge-step-up', names), onclick: nudge(1) }, '+')));
      }),
      h('label', { for: `note-${c.contestant_id}` }, tNodes('judge-comment', { contestant: own(c.name) })),
      h('textarea', { id: `note-${c.contestant_id}`, dir: 'auto', disabled: locked, value: commentOf(c.contestant_id), maxlength: 4000 }))),
    locked ? null : h('div', { class: 'row sheet-actions' },
      h('button', { id: 'save', class: 'secondary', onclick: () => save(false) }, t('judge-save')),
      h('button', { id: 'submit', onclick: () => {
        if (confirm(t('judge-submit-confirm'))) save(true);
      } }, t('judge-submit'))));
}

// Why the server refused the sheet, said with what this page can see: the
// marks still empty, or the first mark that is off its range or step
// (focused, so the judge can fix it at once).
function refusal(e) {
  const cells = sheet.contestants.flatMap((c) => sheet.contest.criteria.map((k) => ({ c, k, el: document.getElementById(inputId(c.contestant_id, k.criterion_id)) })));
  if (e.code === 'sheet_incomplete') {
    const empty = cells.filter((x) => !x.el.value.trim());
    if (empty.length) {
      empty[0].el.focus();
      const where = [...new Set(empty.map((x) => x.c.name))];
      return () => tNodes('judge-incomplete', { count: empty.length, contestants: listOf(where) });
    }
  }
  if (e.code === 'invalid_mark') {
    const off = cells.find((x) => x.el.value.trim() && !fits(x.el.value.trim(), x.k));
    if (off) {
      off.el.focus();
      const { k, c } = off;
      const value = off.el.value.trim();
      return () => tNodes('judge-invalid-mark', { criterion: own(k.name), contestant: own(c.name), value: own(value), min: k.min, max: k.max, step: k.step });
    }
  }
  return () => errorText(e);
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
    said = null;
    draw();
    say(submit ? () => t('judge-submitted') : () => t('judge-saved'), 'ok');
  } catch (e) {
    say(refusal(e), 'error');
  }
}

// A page with nothing but a title and one notice (no link, an error).
function notice(text, error) {
  view = () => notice(text, error);
  document.title = t('judge-page-title');
  fill(app, h('div', { class: 'page-head' }, h('h1', {}, t('judge-title')), localeSwitch()),
    error ? h('div', { class: 'notice error', role: 'alert' }, text()) : h('p', {}, text()));
}

async function start() {
  await loadLocale(undefined, ['judge']);
  redrawOnLocaleChange(app, () => view());
  if (!id) return notice(() => t('judge-no-link'));
  // A judge's secret kept by an earlier release (under `contest`) still
  // opens the sheet.
  token = (await takeKey(id, 'judge')) || keyOf(id, 'contest');
  if (!token) {
    view = () => askForKey(app, id, t('judge-title'), 'judge');
    return view();
  }
  try {
    const contest = await call('GET', '');
    const round = contest.rounds.find((r) => r.state === 'open') || contest.rounds.find((r) => r.state !== 'published') || contest.rounds[0];
    roundId = round.round_id;
    sheet = await call('GET', `/rounds/${roundId}/sheet`);
    draw();
  } catch (e) {
    notice(() => errorText(e), true);
  }
}

start();
