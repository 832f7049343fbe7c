// The moderation queue: the audience's text waiting for a decision
// (held), and what is shown (to hide it); on Q&A also pin and answered.
// Audience text is drawn as text, in `dir="auto"`, and breaks anywhere,
// so a long word with no spaces cannot widen the console.
import { h, fill } from '../dom.js';
import { t, num } from '../i18n.js';
import { pollType, arrangeQuestions } from '../results.js';
import { ctx, call, act } from './context.js';

const say = (text) => h('span', { class: 'grow audience-text', dir: 'auto' }, text);

function button(label, text, kind, run) {
  return h('button', { class: `small ${kind}`, 'aria-label': t('console-action-on', { action: label, text }), onclick: () => act('console-action-moderation', run) }, label);
}

export function drawQueue() {
  const r = ctx.results;
  const queue = document.getElementById('queue');
  if (!queue || !r) return;
  const type = pollType(r);
  const pollId = r.poll_id;
  const entry = (entryId, text, count, held) => h('li', {},
    say(count == null ? text : `${text} (${num(count)})`),
    h('span', { class: 'queue-actions' }, held
      ? button(t('console-approve'), text, '', () => call('POST', `/polls/${pollId}/entries/${entryId}/approve`))
      : button(t('console-hide'), text, 'danger', () => call('POST', `/polls/${pollId}/entries/${entryId}/hide`))));
  let held = [];
  let shown = [];
  if (type === 'wordcloud') {
    held = (r.held_words || []).map((w) => entry(w.entry_id, w.word, w.count, true));
    shown = (r.words || []).map((w) => entry(w.entry_id, w.word, w.count, false));
  } else if (type === 'open') {
    held = (r.entries || []).filter((e) => e.hidden).map((e) => entry(e.entry_id, e.text, null, true));
    shown = (r.entries || []).filter((e) => !e.hidden).map((e) => entry(e.entry_id, e.text, null, false));
  } else if (type === 'qa') {
    const q = (x) => {
      const post = (action) => () => call('POST', `/polls/${pollId}/questions/${x.question_id}/${action}`);
      const actions = x.hidden
        ? [button(t('console-approve'), x.text, 'secondary', post('approve'))]
        : [button(t('console-hide'), x.text, 'secondary', post('hide')),
          x.pinned ? button(t('console-unpin'), x.text, 'secondary', post('unpin')) : button(t('console-pin'), x.text, 'secondary', post('pin')),
          x.answered ? null : button(t('console-answered'), x.text, 'secondary', post('answered'))];
      return h('li', {},
        h('span', { class: 'upvotes', 'aria-label': t('console-upvotes', { count: x.upvotes }) }, `▲ ${num(x.upvotes)}`),
        say(x.text), h('span', { class: 'queue-actions' }, actions));
    };
    const all = arrangeQuestions(r.questions || []);
    held = all.filter((x) => x.hidden).map(q);
    shown = all.filter((x) => !x.hidden).map(q);
  } else {
    fill(queue, h('p', { class: 'muted' }, t('console-nothing-to-moderate')));
    return;
  }
  fill(queue,
    h('h3', {}, t('console-held', { count: held.length })),
    held.length ? h('ul', { class: 'stack queue', id: 'held' }, held) : h('p', { class: 'muted' }, t('console-nothing-held')),
    h('h3', {}, t('console-shown', { count: shown.length })),
    shown.length ? h('ul', { class: 'stack queue', id: 'shown' }, shown) : h('p', { class: 'muted' }, t('console-nothing-yet')));
}
