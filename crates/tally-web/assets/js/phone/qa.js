// Q&A: ask a question, upvote others. A question is sent once however
// often the button is tapped: the button is off while it is on its way,
// and the question carries one submission id, reused if it is sent again
// after a failure. A question the presenter must approve first is listed
// to its asker as awaiting approval.
import { h, fill, store } from '../dom.js';
import { api, OfflineError } from '../api.js';
import { t, num, errorText } from '../i18n.js';
import { s, clientId, submissionKey, forgetSubmission } from './state.js';
import { setOutcome } from './view.js';
import { busy } from './vote.js';

let questions = [];
let shownPoll = null;
let timer = null;

const askedKey = (poll) => `tally.asked.${poll.poll_id}`;

export function renderQa(el, poll) {
  if (shownPoll !== poll.poll_id) {
    questions = [];
    shownPoll = poll.poll_id;
  }
  const upvoted = new Set(store.get(`tally.upvoted.${poll.poll_id}`, []));
  const max = poll.max_length || 280;
  const text = h('textarea', { id: 'ask', dir: 'auto', maxlength: max, 'aria-describedby': 'ask-count', value: store.get(`tally.draft.${poll.poll_id}`, '') });
  const count = h('span', { class: 'hint', id: 'ask-count' });
  const button = h('button', { type: 'submit', id: 'send-question', class: 'primary' }, t('phone-send-question'));
  const sync = () => {
    count.textContent = t('phone-chars-left', { n: max - text.value.length });
    if (!button.dataset.sending) button.disabled = !text.value.trim();
    store.set(`tally.draft.${poll.poll_id}`, text.value);
  };
  text.addEventListener('input', sync);
  const list = h('ol', { class: 'questions', id: 'qa-list' });
  const pending = h('ul', { class: 'pending', id: 'qa-pending' });
  const draw = () => {
    const visible = new Set(questions.map((q) => q.question_id));
    // A question missing from the list is held: at once on a moderated
    // poll, else once the list had time to catch up (the profanity filter
    // may have held it).
    const mine = store.get(askedKey(poll), []).filter((q) => !visible.has(q.id) && (poll.moderated || Date.now() - (q.at || 0) > 4000));
    fill(pending, mine.map((q) => h('li', {}, h('span', { class: 'grow', dir: 'auto' }, q.text), h('span', { class: 'tag wait' }, t('phone-awaiting-approval-short')))));
    pending.hidden = !mine.length;
    fill(list, questions.length ? questions.map((q) => h('li', {},
      // The name starts with what the button shows (WCAG 2.5.3): the
      // count, then what pressing it does.
      h('button', {
        type: 'button', class: `upvote ${upvoted.has(q.question_id) ? 'on' : ''}`, id: `up-${q.question_id}`,
        'aria-pressed': upvoted.has(q.question_id) ? 'true' : 'false',
        onclick: () => upvote(poll, q, upvoted, draw),
      }, h('span', { 'aria-hidden': 'true' }, '▲'), h('span', {}, num(q.upvotes)),
      h('span', { class: 'visually-hidden' }, ` ${t('phone-upvote-name', { text: q.text })}`)),
      h('span', { class: 'grow', dir: 'auto' }, q.text),
      q.answered ? h('span', { class: 'tag' }, t('phone-answered')) : null))
      : h('li', { class: 'muted empty' }, t('phone-no-questions')));
  };
  const form = h('form', { class: 'ask', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    ask(poll, text, button, draw, sync);
  } },
  h('div', { class: 'field' }, h('label', { for: 'ask' }, t('phone-ask')), text, count),
  h('div', { class: 'vote-bar' }, button));
  fill(el, form, pending, h('h2', { id: 'qa-title' }, t('phone-questions')), list);
  sync();
  draw();
  loadQuestions(poll, draw);
  clearInterval(timer);
  timer = setInterval(() => {
    if (!document.body.contains(list)) return clearInterval(timer);
    loadQuestions(poll, draw);
  }, 5000);
}

async function ask(poll, text, button, draw, sync) {
  if (button.dataset.sending) return;
  const words = text.value.trim();
  if (!words) return setOutcome('error', t('phone-need-question'));
  const scope = `ask.${poll.poll_id}`;
  const submission = submissionKey(scope, words);
  button.dataset.sending = '1';
  button.disabled = true;
  button.textContent = t('phone-sending');
  try {
    const made = await api('POST', `/presentations/${s.joined.presentation_id}/polls/${poll.poll_id}/questions`, {
      body: { client_id: clientId, text: words, submission_id: submission }, onWaiting: busy,
    });
    s.reachable();
    forgetSubmission(scope);
    if (made && made.question_id) store.set(askedKey(poll), [...store.get(askedKey(poll), []), { id: made.question_id, text: words, at: Date.now() }]);
    text.value = '';
    setOutcome('ok', t('phone-question-sent'));
    await loadQuestions(poll, draw);
  } catch (e) {
    setOutcome('error', e instanceof OfflineError ? t('phone-offline-retry') : errorText(e));
  } finally {
    delete button.dataset.sending;
    button.textContent = t('phone-send-question');
    sync();
    text.focus();
  }
}

async function loadQuestions(poll, draw) {
  try {
    const got = await api('GET', `/presentations/${s.joined.presentation_id}/polls/${poll.poll_id}/questions?sort=top`);
    questions = Array.isArray(got) ? got : (got && got.questions) || [];
    if (shownPoll === poll.poll_id) draw();
  } catch {
    // The next refresh tries again.
  }
}

async function upvote(poll, q, upvoted, draw) {
  const on = !upvoted.has(q.question_id);
  const id = `up-${q.question_id}`;
  try {
    await api(on ? 'POST' : 'DELETE', `/presentations/${s.joined.presentation_id}/polls/${poll.poll_id}/questions/${q.question_id}/upvote`, {
      body: { client_id: clientId },
    });
    if (on) upvoted.add(q.question_id);
    else upvoted.delete(q.question_id);
    store.set(`tally.upvoted.${poll.poll_id}`, [...upvoted]);
    await loadQuestions(poll, draw);
  } catch (e) {
    setOutcome('error', e instanceof OfflineError ? t('phone-offline-retry') : errorText(e));
  }
  // The list was drawn again: focus goes back to the same question's button.
  const again = document.getElementById(id);
  if (again) again.focus();
}
