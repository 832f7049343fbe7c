// The slide on screen (its number, type, round, question, voting and
// results state, countdown), the next slide's preview, the presenter's
// notes for this slide and the run controls' labels, drawn from each
// state message.
import { h, fill } from '../dom.js';
import { t, num } from '../i18n.js';
import { ctx, may, resultsShown } from './context.js';
import { countdownElement, followTimer, msLeft } from './countdown.js';
import { contentBody } from '../content.js';

const typeName = (type) => t(`console-type-${type || 'single'}`);
// A slide's name in the go-to list: its number and the start of its
// question (a 500-character question would make the list as wide).
const short = (text, n = 60) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

function preview(poll, index) {
  const el = document.getElementById('next-preview');
  if (!el) return;
  if (!poll) {
    fill(el, h('p', { class: 'muted' }, t('console-next-none')));
    return;
  }
  const options = (poll.options || []).map((o) => o.value);
  fill(el,
    h('p', { class: 'preview-meta' }, t('console-next-meta', { number: num(index + 1), type: typeName(poll.type) })),
    h('p', { class: 'preview-question', dir: 'auto', id: 'next-question' }, poll.question),
    options.length ? h('ul', { class: 'preview-options' },
      options.slice(0, 4).map((o) => h('li', { dir: 'auto' }, o)),
      options.length > 4 ? h('li', { class: 'muted' }, t('console-more-options', { count: options.length - 4 })) : null) : null);
}

export function drawNotes() {
  const el = document.getElementById('notes');
  const poll = ctx.state && ctx.state.poll;
  if (!el) return;
  const text = poll && ctx.notes[poll.poll_id];
  fill(el, text
    ? h('p', { class: 'notes-text', dir: 'auto' }, text)
    : h('p', { class: 'muted' }, t('console-notes-none')));
}

// What the room sees of the results: shown, held until voting closes
// (the event's "hide results until voting closes"), or hidden.
function resultsTag(s) {
  if (!resultsShown()) return t('console-results-hidden');
  return s.results_held ? t('console-results-held') : t('console-results-shown');
}

export function drawState() {
  const s = ctx.state;
  const poll = s && s.poll;
  const slide = document.getElementById('slide');
  if (!poll) {
    fill(slide, h('p', {}, t('console-no-poll')));
    followTimer();
    return;
  }
  const content = poll.type === 'content';
  const closed = !s.voting_open || msLeft() === 0;
  // A content slide is only read: no voting, results, timer or round to
  // run, so those controls go and its text shows instead.
  for (const id of ['poll-controls', 'hold-option', 'timer-controls', 'reset']) {
    const el = document.getElementById(id);
    if (el) el.hidden = content;
  }
  fill(slide,
    // A content slide has no rounds to count.
    h('p', { class: 'slide-meta', id: 'slide-meta' }, t(content ? 'console-slide-meta-content' : 'console-slide-meta', {
      number: num(s.current_poll_index + 1), count: num(s.poll_count), type: typeName(poll.type), round: num(s.round || 1),
    })),
    h('p', { id: 'current-question', dir: 'auto' }, poll.question),
    content ? contentBody(poll, { id: 'current-body' }) : null,
    content ? h('p', { class: 'tag', id: 'voting-state' }, t('console-content-note')) : h('div', { class: 'row slide-tags' },
      h('span', { class: `tag ${closed ? 'closed' : 'open'}`, id: 'voting-state' }, closed ? t('console-voting-closed') : t('console-voting-open')),
      h('span', { class: 'tag', id: 'results-state' }, resultsTag(s)),
      countdownElement()));
  followTimer();
  if (may('run')) {
    fill(document.getElementById('toggle-voting'), s.voting_open ? t('console-close-voting') : t('console-open-voting'));
    fill(document.getElementById('toggle-results'), resultsShown() ? t('console-hide-results') : t('console-show-results'));
    document.getElementById('prev').disabled = s.current_poll_index === 0;
    const last = s.current_poll_index >= s.poll_count - 1;
    document.getElementById('next').disabled = last;
    const polls = ctx.deck ? ctx.deck.polls : [];
    preview(last ? null : polls[s.current_poll_index + 1], s.current_poll_index + 1);
    fill(document.getElementById('goto'), polls.map((p, i) => h('option', { value: i, selected: i === s.current_poll_index, dir: 'auto' },
      `${num(i + 1)}. ${short(p.question)}`)));
    drawNotes();
  }
  if (content) {
    fill(document.getElementById('results'), h('p', { class: 'muted' }, t('console-content-results')));
    fill(document.getElementById('counts'));
  } else if (!ctx.results || ctx.results.poll_id !== poll.poll_id) {
    fill(document.getElementById('results'), h('p', { class: 'muted' }, t('console-waiting-votes')));
    fill(document.getElementById('counts'));
    fill(document.getElementById('queue'));
  }
  document.getElementById('board').classList.toggle('hidden', !(may('run') && ctx.deck && ctx.deck.polls.some((p) => p.type === 'quiz')));
}
