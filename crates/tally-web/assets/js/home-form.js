// The quick form: the first deck editor, kept for a deck typed in one go
// (and for the browser tests that build their decks with it). Home loads
// this module only when its "Quick form" disclosure is opened, so the
// page's first load carries none of it. The draft deck is kept in local
// storage as it is edited, so a reload loses nothing; it is sent to Tally
// when the presenter creates it.
import { h, fill, store } from './dom.js';
import { api } from './api.js';
import { remember } from './deck.js';
import { t, errorText } from './i18n.js';

// Each poll type's name, in the chosen language (called at draw time, so
// that a language switch renames them).
const TYPES = () => ({
  single: t('home-type-single'),
  multiple: t('home-type-multiple'),
  scale: t('home-type-scale'),
  ranking: t('home-type-ranking'),
  points: t('home-type-points'),
  wordcloud: t('home-type-wordcloud'),
  open: t('home-type-open'),
  quiz: t('home-type-quiz'),
  qa: t('home-type-qa'),
});
const FILTERS = () => ({ off: t('home-filter-off'), standard: t('home-filter-standard'), strict: t('home-filter-strict') });
const WITH_OPTIONS = ['single', 'multiple', 'scale', 'ranking', 'points', 'quiz'];
const WITH_CHOICES = ['multiple', 'ranking', 'quiz'];
const WITH_TEXT = ['wordcloud', 'open', 'qa'];
// What the big screen can show of a scale poll: its statements in pages
// that cycle within 30 s at 1280x720 (measured by e2e/screen.mjs: 64
// statements of 100 characters take 8 pages; of 200, 15 pages, over 30 s).
// The editor refuses more, before creation, and says the limit.
const SCALE_TEXT_LIMIT = 6400;
const scaleText = (poll) => poll.options.reduce((sum, o) => sum + o.value.trim().length, 0);
const letters = (i) => (i < 26 ? String.fromCharCode(65 + i) : `O${i + 1}`);

const blankPoll = (type = 'single') => ({
  type,
  question: '',
  options: WITH_OPTIONS.includes(type) ? [{ value: '' }, { value: '' }] : [],
});

let draft = store.get('tally.draft') || { profanity_filter: 'standard', polls: [blankPoll()] };
const save = () => store.set('tally.draft', draft);
let message = null;

let box = null;

// Draws the form into `into` (home's disclosure; a language switch gives a
// new one), then on every change into the same place.
export function mountForm(into, focusId) {
  box = into;
  draw(focusId);
}

function draw(focusId) {
  if (!box) return;
  fill(box,
    h('p', { class: 'muted' }, t('home-quick-hint')),
    h('div', { id: 'polls' }, draft.polls.map(pollCard)),
    h('div', { class: 'row' },
      h('button', { class: 'secondary', id: 'add-poll', onclick: () => {
        draft.polls.push(blankPoll());
        save();
        draw(`q-${draft.polls.length - 1}`);
      } }, t('home-add-poll'))),
    h('div', { class: 'card row' },
      h('label', { for: 'filter' }, t('home-filter')),
      h('select', { id: 'filter', onchange: (e) => { draft.profanity_filter = e.target.value; save(); } },
        Object.entries(FILTERS()).map(([f, label]) => h('option', { value: f, selected: draft.profanity_filter === f }, label)))),
    h('div', { role: 'alert', id: 'message' }, message ? h('div', { class: `notice ${message.kind}` }, message.text()) : null),
    h('button', { id: 'create', onclick: create }, t('home-create')));
  if (focusId) {
    const el = document.getElementById(focusId);
    if (el) el.focus();
  }
}

function num(poll, i, field, label, attrs = {}) {
  const id = `${field}-${i}`;
  return h('div', { class: 'stack' }, h('label', { for: id }, label),
    h('input', { id, type: 'number', inputmode: 'numeric', value: poll[field] ?? '', ...attrs,
      oninput: (e) => { poll[field] = e.target.value; save(); } }));
}

function check(poll, i, field, label) {
  const id = `${field}-${i}`;
  return h('div', { class: 'row' }, h('input', { id, type: 'checkbox', checked: !!poll[field],
    onchange: (e) => { poll[field] = e.target.checked; save(); } }), h('label', { for: id }, label));
}

function pollCard(poll, i) {
  const n = draft.polls.length;
  const move = (to) => {
    draft.polls.splice(to, 0, draft.polls.splice(i, 1)[0]);
    save();
    draw(`${to < i ? 'up' : 'down'}-${to}`);
  };
  const settings = [];
  if (WITH_CHOICES.includes(poll.type)) {
    settings.push(num(poll, i, 'min_choices', t('home-min-choices'), { min: 1 }), num(poll, i, 'max_choices', t('home-max-choices'), { min: 1 }));
  }
  if (poll.type === 'scale') {
    poll.scale = poll.scale || { min: 1, max: 5 };
    for (const [f, label, kind] of [['min', t('home-scale-min'), 'number'], ['max', t('home-scale-max'), 'number'], ['min_label', t('home-scale-min-label'), 'text'], ['max_label', t('home-scale-max-label'), 'text']]) {
      const id = `scale-${f}-${i}`;
      settings.push(h('div', { class: 'stack' }, h('label', { for: id }, label),
        h('input', { id, type: kind, dir: kind === 'text' ? 'auto' : null, value: poll.scale[f] ?? '', oninput: (e) => { poll.scale[f] = e.target.value; save(); } })));
    }
  }
  if (poll.type === 'points') settings.push(num(poll, i, 'points_budget', t('home-points-budget'), { min: 1, placeholder: '100' }));
  if (poll.type === 'wordcloud') settings.push(num(poll, i, 'max_entries', t('home-max-entries'), { min: 1, placeholder: '3' }));
  if (WITH_TEXT.includes(poll.type)) settings.push(num(poll, i, 'max_length', t('home-max-length'), { min: 1, placeholder: poll.type === 'wordcloud' ? '25' : '280' }));
  if (poll.type === 'quiz') settings.push(num(poll, i, 'points', t('home-quiz-points'), { min: 1, placeholder: '1000' }));
  settings.push(num(poll, i, 'time_limit_secs', t('home-timer'), { min: 1 }));
  if (poll.type !== 'qa') settings.push(check(poll, i, 'allow_change', t('home-allow-change')));
  if (WITH_TEXT.includes(poll.type)) settings.push(check(poll, i, 'moderated', t('home-moderated')));

  return h('fieldset', { class: 'card stack', 'data-poll': i },
    h('legend', {}, t('home-poll', { n: i + 1 })),
    h('div', { class: 'row' },
      h('div', { class: 'stack grow' }, h('label', { for: `q-${i}` }, t('home-question')),
        h('input', { id: `q-${i}`, dir: 'auto', value: poll.question, maxlength: 500, oninput: (e) => { poll.question = e.target.value; save(); } })),
      h('div', { class: 'stack' }, h('label', { for: `type-${i}` }, t('home-type')),
        h('select', { id: `type-${i}`, onchange: (e) => {
          const type = e.target.value;
          const options = WITH_OPTIONS.includes(type) ? (poll.options.length ? poll.options : blankPoll(type).options) : [];
          draft.polls[i] = { type, question: poll.question, options, time_limit_secs: poll.time_limit_secs };
          save();
          draw(`type-${i}`);
        } }, Object.entries(TYPES()).map(([v, label]) => h('option', { value: v, selected: poll.type === v }, label))))),
    WITH_OPTIONS.includes(poll.type) ? h('div', { class: 'stack' },
      h('h3', {}, poll.type === 'scale' ? t('home-statements') : t('home-options')),
      h('ol', { class: 'stack' }, poll.options.map((o, j) => h('li', { class: 'row' },
        h('label', { class: 'visually-hidden', for: `o-${i}-${j}` }, t('home-option', { key: letters(j) })),
        h('input', { id: `o-${i}-${j}`, class: 'grow', dir: 'auto', value: o.value, maxlength: 200, placeholder: t('home-option', { key: letters(j) }),
          oninput: (e) => { o.value = e.target.value; save(); } }),
        poll.type === 'quiz' ? h('span', { class: 'row' },
          h('input', { type: 'checkbox', id: `c-${i}-${j}`, checked: !!o.correct, onchange: (e) => { o.correct = e.target.checked; save(); } }),
          h('label', { for: `c-${i}-${j}` }, t('home-correct'))) : null,
        h('button', { class: 'small danger', type: 'button', 'aria-label': t('home-remove-option', { key: letters(j) }), disabled: poll.options.length <= 1,
          onclick: () => { poll.options.splice(j, 1); save(); draw(`add-opt-${i}`); } }, '✕')))),
      h('button', { class: 'small secondary', type: 'button', id: `add-opt-${i}`, onclick: () => {
        poll.options.push({ value: '' });
        save();
        draw(`o-${i}-${poll.options.length - 1}`);
      } }, t('home-add-option'))) : null,
    h('details', {}, h('summary', {}, t('home-settings')), h('div', { class: 'row' }, settings)),
    h('div', { class: 'row' },
      h('button', { class: 'small secondary', type: 'button', id: `up-${i}`, 'aria-label': t('home-move-up-label', { n: i + 1 }), disabled: i === 0, onclick: () => move(i - 1) }, t('home-move-up')),
      h('button', { class: 'small secondary', type: 'button', id: `down-${i}`, 'aria-label': t('home-move-down-label', { n: i + 1 }), disabled: i === n - 1, onclick: () => move(i + 1) }, t('home-move-down')),
      h('button', { class: 'small danger', type: 'button', 'aria-label': t('home-delete-label', { n: i + 1 }), disabled: n <= 1, onclick: () => {
        draft.polls.splice(i, 1);
        save();
        draw('add-poll');
      } }, t('home-delete'))));
}

const int = (v) => (v === '' || v == null ? undefined : Number(v));

// The deck as POST /presentations takes it. Settings left empty are left
// out, so Tally's defaults apply.
function body() {
  return {
    profanity_filter: draft.profanity_filter,
    polls: draft.polls.map((p) => {
      const out = { type: p.type, question: p.question.trim() };
      out.options = WITH_OPTIONS.includes(p.type) ? p.options.map((o, j) => ({ key: letters(j), value: o.value.trim() })) : [];
      for (const f of ['min_choices', 'max_choices', 'points_budget', 'max_entries', 'max_length', 'time_limit_secs', 'points']) {
        if (int(p[f]) !== undefined) out[f] = int(p[f]);
      }
      if (p.type === 'scale' && p.scale) {
        out.scale = { min: int(p.scale.min) ?? 1, max: int(p.scale.max) ?? 5 };
        if (p.scale.min_label) out.scale.min_label = p.scale.min_label;
        if (p.scale.max_label) out.scale.max_label = p.scale.max_label;
      }
      if (p.type === 'quiz') out.correct = p.options.flatMap((o, j) => (o.correct ? [letters(j)] : []));
      if (p.allow_change && p.type !== 'qa') out.allow_change = true;
      if (p.moderated && WITH_TEXT.includes(p.type)) out.moderated = true;
      return out;
    }),
  };
}

async function create() {
  const missing = draft.polls.findIndex((p) => !p.question.trim());
  if (missing >= 0) {
    message = { kind: 'error', text: () => t('home-needs-question', { n: missing + 1 }) };
    return draw(`q-${missing}`);
  }
  const crowded = draft.polls.findIndex((p) => p.type === 'scale' && scaleText(p) > SCALE_TEXT_LIMIT);
  if (crowded >= 0) {
    message = { kind: 'error', text: () => t('home-scale-too-long', { n: crowded + 1, chars: scaleText(draft.polls[crowded]), limit: SCALE_TEXT_LIMIT }) };
    // Focus stays on Create, just below the message (role=alert), so the
    // refusal is in view and read out; the poll's number says where to look.
    return draw('create');
  }
  const button = document.getElementById('create');
  button.disabled = true;
  try {
    const made = await api('POST', '/presentations', { body: body() });
    remember({
      id: made.presentation_id,
      join_code: made.join_code,
      title: draft.polls[0].question.trim(),
      created_at: new Date().toISOString(),
    }, made.presenter_token);
    draft = { profanity_filter: draft.profanity_filter, polls: [blankPoll()] };
    save();
    location.assign(`/present/${made.presentation_id}`);
  } catch (e) {
    message = { kind: 'error', text: () => t('home-refused', { reason: errorText(e) }) };
    draw('create');
  }
}
