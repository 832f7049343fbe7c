// Home: the presentations this browser created, and the deck editor.
// The draft deck is kept in local storage as it is edited, so a reload
// loses nothing; it is sent to Tally when the presenter creates it.
import { h, fill, store } from './dom.js';
import { api } from './api.js';
import { decks, remember, forget } from './deck.js';

const app = document.getElementById('app');

const TYPES = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  scale: 'Rating scale',
  ranking: 'Ranking',
  points: '100 points',
  wordcloud: 'Word cloud',
  open: 'Open text',
  quiz: 'Quiz',
  qa: 'Q&A',
};
const WITH_OPTIONS = ['single', 'multiple', 'scale', 'ranking', 'points', 'quiz'];
const WITH_CHOICES = ['multiple', 'ranking', 'quiz'];
const WITH_TEXT = ['wordcloud', 'open', 'qa'];
const letters = (i) => (i < 26 ? String.fromCharCode(65 + i) : `O${i + 1}`);

const blankPoll = (type = 'single') => ({
  type,
  question: '',
  options: WITH_OPTIONS.includes(type) ? [{ value: '' }, { value: '' }] : [],
});

let draft = store.get('tally.draft') || { profanity_filter: 'standard', polls: [blankPoll()] };
const save = () => store.set('tally.draft', draft);
let message = null;

function render(focusId) {
  fill(app,
    h('h1', {}, 'Tally'),
    h('section', { 'aria-labelledby': 'mine' },
      h('h2', { id: 'mine' }, 'Your presentations'),
      decks().length
        ? h('ul', { class: 'stack', id: 'decks' }, decks().map((d) => h('li', { class: 'card row' },
          h('span', { class: 'grow' }, h('strong', {}, d.title), h('br'),
            h('span', { class: 'muted' }, `Join code ${d.join_code} · created ${new Date(d.created_at).toLocaleString()}`)),
          h('a', { class: 'button', href: `/present/${d.id}` }, 'Console'),
          h('a', { class: 'button secondary', href: `/screen/${d.id}`, target: '_blank', rel: 'noopener' }, 'Big screen'),
          h('button', { class: 'danger small', onclick: () => {
            if (confirm('Forget this presentation in this browser? Its presenter key is deleted from this browser for good: without the key, this presentation cannot be run from here any more. To keep it, copy the key first (Console → Presenter key).')) {
              forget(d.id);
              render();
            }
          } }, 'Forget'))))
        : h('p', { class: 'muted' }, 'None yet in this browser. Build one below.')),
    h('section', { 'aria-labelledby': 'editor' },
      h('h2', { id: 'editor' }, 'New presentation'),
      h('div', { id: 'polls' }, draft.polls.map(pollCard)),
      h('div', { class: 'row' },
        h('button', { class: 'secondary', id: 'add-poll', onclick: () => {
          draft.polls.push(blankPoll());
          save();
          render(`q-${draft.polls.length - 1}`);
        } }, '+ Add a poll')),
      h('div', { class: 'card row' },
        h('label', { for: 'filter' }, 'Profanity filter for audience text'),
        h('select', { id: 'filter', onchange: (e) => { draft.profanity_filter = e.target.value; save(); } },
          ['off', 'standard', 'strict'].map((f) => h('option', { value: f, selected: draft.profanity_filter === f }, f)))),
      h('div', { role: 'alert', id: 'message' }, message ? h('div', { class: `notice ${message.kind}` }, message.text) : null),
      h('button', { id: 'create', onclick: create }, 'Create presentation')));
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
    render(`${to < i ? 'up' : 'down'}-${to}`);
  };
  const settings = [];
  if (WITH_CHOICES.includes(poll.type)) {
    settings.push(num(poll, i, 'min_choices', 'Fewest choices', { min: 1 }), num(poll, i, 'max_choices', 'Most choices', { min: 1 }));
  }
  if (poll.type === 'scale') {
    poll.scale = poll.scale || { min: 1, max: 5 };
    for (const [f, label, kind] of [['min', 'Scale from', 'number'], ['max', 'Scale to', 'number'], ['min_label', 'Label of the lowest', 'text'], ['max_label', 'Label of the highest', 'text']]) {
      const id = `scale-${f}-${i}`;
      settings.push(h('div', { class: 'stack' }, h('label', { for: id }, label),
        h('input', { id, type: kind, value: poll.scale[f] ?? '', oninput: (e) => { poll.scale[f] = e.target.value; save(); } })));
    }
  }
  if (poll.type === 'points') settings.push(num(poll, i, 'points_budget', 'Points to spread', { min: 1, placeholder: '100' }));
  if (poll.type === 'wordcloud') settings.push(num(poll, i, 'max_entries', 'Words per person', { min: 1, placeholder: '3' }));
  if (WITH_TEXT.includes(poll.type)) settings.push(num(poll, i, 'max_length', 'Characters per entry', { min: 1, placeholder: poll.type === 'wordcloud' ? '25' : '280' }));
  if (poll.type === 'quiz') settings.push(num(poll, i, 'points', 'Points for a correct answer', { min: 1, placeholder: '1000' }));
  settings.push(num(poll, i, 'time_limit_secs', 'Timer, seconds (optional)', { min: 1 }));
  if (poll.type !== 'qa') settings.push(check(poll, i, 'allow_change', 'People may change or retract their vote'));
  if (WITH_TEXT.includes(poll.type)) settings.push(check(poll, i, 'moderated', 'Hold entries until I approve them'));

  return h('fieldset', { class: 'card stack', 'data-poll': i },
    h('legend', {}, `Poll ${i + 1}`),
    h('div', { class: 'row' },
      h('div', { class: 'stack grow' }, h('label', { for: `q-${i}` }, 'Question'),
        h('input', { id: `q-${i}`, value: poll.question, maxlength: 500, oninput: (e) => { poll.question = e.target.value; save(); } })),
      h('div', { class: 'stack' }, h('label', { for: `type-${i}` }, 'Type'),
        h('select', { id: `type-${i}`, onchange: (e) => {
          const type = e.target.value;
          const options = WITH_OPTIONS.includes(type) ? (poll.options.length ? poll.options : blankPoll(type).options) : [];
          draft.polls[i] = { type, question: poll.question, options, time_limit_secs: poll.time_limit_secs };
          save();
          render(`type-${i}`);
        } }, Object.entries(TYPES).map(([v, label]) => h('option', { value: v, selected: poll.type === v }, label))))),
    WITH_OPTIONS.includes(poll.type) ? h('div', { class: 'stack' },
      h('h3', {}, poll.type === 'scale' ? 'Statements to rate' : 'Options'),
      h('ol', { class: 'stack' }, poll.options.map((o, j) => h('li', { class: 'row' },
        h('label', { class: 'visually-hidden', for: `o-${i}-${j}` }, `Option ${letters(j)}`),
        h('input', { id: `o-${i}-${j}`, class: 'grow', value: o.value, maxlength: 200, placeholder: `Option ${letters(j)}`,
          oninput: (e) => { o.value = e.target.value; save(); } }),
        poll.type === 'quiz' ? h('span', { class: 'row' },
          h('input', { type: 'checkbox', id: `c-${i}-${j}`, checked: !!o.correct, onchange: (e) => { o.correct = e.target.checked; save(); } }),
          h('label', { for: `c-${i}-${j}` }, 'correct')) : null,
        h('button', { class: 'small danger', type: 'button', 'aria-label': `Remove option ${letters(j)}`, disabled: poll.options.length <= 1,
          onclick: () => { poll.options.splice(j, 1); save(); render(`add-opt-${i}`); } }, '✕')))),
      h('button', { class: 'small secondary', type: 'button', id: `add-opt-${i}`, onclick: () => {
        poll.options.push({ value: '' });
        save();
        render(`o-${i}-${poll.options.length - 1}`);
      } }, '+ Add option')) : null,
    h('details', {}, h('summary', {}, 'Settings'), h('div', { class: 'row' }, settings)),
    h('div', { class: 'row' },
      h('button', { class: 'small secondary', type: 'button', id: `up-${i}`, 'aria-label': `Move poll ${i + 1} up`, disabled: i === 0, onclick: () => move(i - 1) }, '↑ Up'),
      h('button', { class: 'small secondary', type: 'button', id: `down-${i}`, 'aria-label': `Move poll ${i + 1} down`, disabled: i === n - 1, onclick: () => move(i + 1) }, '↓ Down'),
      h('button', { class: 'small danger', type: 'button', 'aria-label': `Delete poll ${i + 1}`, disabled: n <= 1, onclick: () => {
        draft.polls.splice(i, 1);
        save();
        render('add-poll');
      } }, 'Delete')));
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
    message = { kind: 'error', text: `Poll ${missing + 1} needs a question.` };
    return render(`q-${missing}`);
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
    message = { kind: 'error', text: `Tally refused the deck: ${e.message}` };
    render('create');
  }
}

render();
