// A live preview of the selected slide: the audience's phone and the big
// screen, drawn from the same data as the form and redrawn as it is typed.
// They are pictures of the pages (no field in them takes focus, and screen
// readers hear one label), laid out like phone.css and screen.css.
import { h } from '../dom.js';
import { t, num } from '../i18n.js';
import { S, selectedPoll } from './state.js';
import { WITH_OPTIONS } from './model.js';

const opts = (poll) => poll.options.map((o, j) => o.value.trim() || t('editor-option-n', { n: j + 1 }));
const question = (poll) => poll.question.trim() || t('editor-untitled');

function scaleSteps(poll) {
  const lo = Number(poll.s.scale.min);
  const hi = Number(poll.s.scale.max);
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi <= lo) return [];
  const steps = [];
  for (let v = lo; v <= hi && steps.length < 11; v++) steps.push(v);
  return steps;
}

function phoneBody(poll) {
  const type = poll.type;
  const items = opts(poll);
  switch (type) {
    case 'single':
    case 'multiple':
    case 'quiz':
      return h('div', { class: 'm-tiles' }, items.map((o) => h('div', { class: `m-tile${type === 'multiple' ? ' square' : ''}` }, h('span', { class: 'm-mark' }), h('span', { dir: 'auto' }, o))));
    case 'scale':
      return h('div', { class: 'm-scale' }, items.map((o) => h('div', { class: 'm-statement' },
        h('span', { dir: 'auto' }, o),
        h('div', { class: 'm-steps' }, scaleSteps(poll).map((v) => h('span', {}, num(v)))))));
    case 'ranking':
      return h('ol', { class: 'm-rank' }, items.map((o) => h('li', { dir: 'auto' }, o)));
    case 'points':
      return h('div', { class: 'm-points' },
        items.map((o) => h('div', { class: 'm-point' }, h('span', { dir: 'auto' }, o), h('span', { class: 'm-box' }, num(0)))),
        h('p', { class: 'm-hint' }, t('editor-pv-points-left', { n: Number(poll.s.points_budget) || 100 })));
    case 'wordcloud': {
      const n = Math.min(Number(poll.s.max_entries) || 3, 10);
      return h('div', { class: 'm-words' }, Array.from({ length: n }, (_, k) => h('span', { class: 'm-input' }, t('editor-pv-word', { n: k + 1 }))));
    }
    case 'open':
      return h('span', { class: 'm-input tall' }, t('editor-pv-answer'));
    case 'qa':
      return h('span', { class: 'm-input tall' }, t('editor-pv-ask'));
    case 'content':
      return bodyText(poll, 'm-body');
    default:
      return null;
  }
}

// A content slide's text as written, a paragraph per blank line (the
// pages draw the server's reading of its Markdown; this shows the words
// and their room).
function bodyText(poll, cls) {
  const paragraphs = (poll.s.body || '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return h('div', { class: cls, dir: 'auto' }, paragraphs.map((p) => h('p', {}, p.replace(/[*_]{1,2}/g, ''))));
}

// The question's image as the pages show it (the preview is hidden from
// screen readers, so no alt text is read twice).
const imageOf = (poll, cls) => (poll.images && poll.images.question
  ? h('img', { class: cls, src: `/images/${poll.images.question.image_id}`, alt: '' }) : null);

function phone(poll) {
  const n = S.deck.polls.length;
  return h('div', { class: 'mock-phone' }, h('div', { class: 'm-in' },
    h('div', { class: 'm-bar' }, h('span', { class: 'm-event', dir: 'auto' }, S.deck.title.trim() || t('app-name')), h('span', { class: 'm-live' }, t('editor-pv-live'))),
    h('p', { class: 'm-slide-no' }, t('editor-pv-slide', { n: S.selected + 1, total: n })),
    h('p', { class: 'm-question', dir: 'auto' }, question(poll)),
    imageOf(poll, 'm-image'),
    phoneBody(poll),
    poll.type === 'content' ? null : h('span', { class: 'm-vote' }, t(poll.type === 'qa' ? 'editor-pv-send' : 'editor-pv-vote'))));
}

function screenBody(poll) {
  const type = poll.type;
  if (WITH_OPTIONS.has(type)) {
    const items = opts(poll);
    // Placeholder results, so that the presenter sees how long labels lay
    // out beside their bars.
    return h('ul', { class: 's-bars' }, items.slice(0, 12).map((o, j) => h('li', {},
      h('span', { class: 's-label', dir: 'auto' }, o),
      h('span', { class: 's-track' }, h('span', { class: `s-fill${type === 'quiz' && poll.options[j]?.correct ? ' correct' : ''}`, 'data-w': j })))),
    items.length > 12 ? h('li', { class: 's-more' }, t('editor-pv-more', { n: items.length - 12 })) : null);
  }
  if (type === 'content') return bodyText(poll, 's-body');
  if (type === 'wordcloud') return h('p', { class: 's-cloud' }, t('editor-pv-cloud'));
  if (type === 'open') return h('p', { class: 's-cloud' }, t('editor-pv-answers'));
  return h('p', { class: 's-cloud' }, t('editor-pv-questions'));
}

function screen(poll) {
  return h('div', { class: 'mock-screen' }, h('div', { class: 's-in' },
    h('div', { class: 's-join' }, t('editor-pv-join')),
    h('p', { class: 's-question', dir: 'auto' }, question(poll)),
    imageOf(poll, 's-image'),
    screenBody(poll),
    poll.s.time_limit_secs && Number(poll.s.time_limit_secs) > 0 ? h('span', { class: 's-timer' }, t('editor-pv-timer', { n: Number(poll.s.time_limit_secs) })) : null));
}

// Fills the bars with widths that fall away, so a long label is seen beside
// a long and a short bar.
function widths(root) {
  for (const fill of root.querySelectorAll('.s-fill')) fill.style.width = `${Math.max(8, 86 - Number(fill.dataset.w) * 14)}%`;
}

export function preview() {
  const poll = selectedPoll();
  if (!poll) return h('aside', { class: 'ed-preview' });
  const el = h('aside', { class: 'ed-preview', 'aria-labelledby': 'preview-h' },
    h('h2', { id: 'preview-h' }, t('editor-preview')),
    h('div', { class: 'previews' },
      h('figure', { class: 'pv pv-screen' }, h('div', { role: 'img', 'aria-label': t('editor-pv-screen-label', { n: S.selected + 1 }) }, h('div', { 'aria-hidden': 'true' }, screen(poll))), h('figcaption', {}, t('editor-pv-screen'))),
      h('figure', { class: 'pv pv-phone' }, h('div', { role: 'img', 'aria-label': t('editor-pv-phone-label', { n: S.selected + 1 }) }, h('div', { 'aria-hidden': 'true' }, phone(poll))), h('figcaption', {}, t('editor-pv-phone')))));
  widths(el);
  return el;
}
