// The slide list: numbered thumbnails, one selected. A slide moves by
// dragging its grip (pointer events, so a mouse, a pen and a finger all
// work), by Alt+↑/↓ on the slide, or with the form's Move buttons; each
// move is announced to screen readers.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { S, ui, edit, allErrors } from './state.js';
import { titleOf, blankPoll, LIMITS } from './model.js';

export function moveSlide(from, to, how = 'button') {
  const n = S.deck.polls.length;
  if (to < 0 || to >= n || from === to) return;
  edit(() => {
    S.deck.polls.splice(to, 0, S.deck.polls.splice(from, 1)[0]);
    S.selected = to;
  }, { focus: how !== 'button' ? `pick-${to}` : (to === 0 && 'move-down') || (to === n - 1 && 'move-up') || undefined });
  ui.announce(t('editor-moved', { from: from + 1, to: to + 1, total: n }));
}

export function addSlide(after = S.selected) {
  if (S.deck.polls.length >= LIMITS.polls) return;
  const type = S.deck.polls[after]?.type || 'single';
  edit(() => {
    S.deck.polls.splice(after + 1, 0, blankPoll(type === 'qa' ? 'single' : type));
    S.selected = after + 1;
  }, { focus: 'f-question' });
  ui.announce(t('editor-added', { n: S.selected + 1 }));
}

function onKey(e, i) {
  if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) {
    // Plain arrows walk the list, as in a listbox.
    if (!e.altKey && !e.ctrlKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      const to = i + (e.key === 'ArrowUp' ? -1 : 1);
      const next = document.getElementById(`pick-${to}`);
      if (next) {
        e.preventDefault();
        next.focus();
      }
    }
    return;
  }
  e.preventDefault();
  moveSlide(i, i + (e.key === 'ArrowUp' ? -1 : 1), 'key');
}

// Dragging by the grip: the slide follows the pointer, a line shows where
// it lands, and letting go moves it there.
function startDrag(e, i) {
  if (e.button !== 0) return;
  e.preventDefault();
  const list = document.getElementById('slide-list');
  const items = [...list.children];
  const item = items[i];
  const grip = e.currentTarget;
  grip.setPointerCapture(e.pointerId);
  const startY = e.clientY;
  let target = i;
  item.classList.add('dragging');
  const move = (ev) => {
    const dy = ev.clientY - startY;
    item.style.transform = `translateY(${dy}px)`;
    target = i;
    items.forEach((other, j) => {
      if (j === i) return;
      const r = other.getBoundingClientRect();
      const mid = r.top + r.height / 2;
      if (j < i && ev.clientY < mid) target = Math.min(target, j);
      if (j > i && ev.clientY > mid) target = Math.max(target, j);
    });
    items.forEach((other, j) => {
      other.classList.toggle('drop-before', j === target && target < i);
      other.classList.toggle('drop-after', j === target && target > i);
    });
  };
  const end = () => {
    grip.removeEventListener('pointermove', move);
    grip.removeEventListener('pointerup', end);
    grip.removeEventListener('pointercancel', end);
    item.style.transform = '';
    item.classList.remove('dragging');
    if (target !== i) moveSlide(i, target, 'drag');
    else ui.render();
  };
  grip.addEventListener('pointermove', move);
  grip.addEventListener('pointerup', end);
  grip.addEventListener('pointercancel', end);
}

const TYPE_MARK = { single: '◉', multiple: '☑', scale: '⋯', ranking: '⇅', points: '◔', wordcloud: '☁', open: '✎', quiz: '★', qa: '?' };

export function slideList() {
  const problems = new Map();
  for (const e of allErrors()) if (e.slide >= 0) problems.set(e.slide, (problems.get(e.slide) || 0) + 1);
  const n = S.deck.polls.length;
  return h('nav', { class: 'ed-slides', 'aria-labelledby': 'slides-h' },
    h('div', { class: 'ed-slides-head' },
      h('h2', { id: 'slides-h' }, t('editor-slides', { n })),
      h('button', { type: 'button', class: 'small', id: 'add-slide', disabled: n >= LIMITS.polls, onclick: () => addSlide() }, t('editor-add-slide'))),
    h('p', { class: 'hint', id: 'slides-help' }, t('editor-slides-help')),
    h('ol', { id: 'slide-list', class: 'slide-list' }, S.deck.polls.map((p, i) => {
      const count = problems.get(i) || 0;
      const live = S.mode === 'edit' && p.poll_id && p.poll_id === S.onScreenId;
      return h('li', { class: `slide-item${i === S.selected ? ' selected' : ''}`, 'data-i': i },
        h('span', { class: 'grip', title: t('editor-drag'), 'aria-hidden': 'true', onpointerdown: (e) => startDrag(e, i) }, '⋮⋮'),
        h('button', {
          type: 'button', class: 'slide-pick', id: `pick-${i}`,
          'aria-current': i === S.selected ? 'true' : null,
          'aria-describedby': 'slides-help',
          onclick: () => { S.selected = i; ui.render(`pick-${i}`); },
          onkeydown: (e) => onKey(e, i),
        },
        h('span', { class: 'slide-num' }, String(i + 1)),
        h('span', { class: 'slide-thumb' },
          h('span', { class: 'slide-type' }, h('span', { 'aria-hidden': 'true' }, TYPE_MARK[p.type] || ''), ' ', t(`editor-type-${p.type}`)),
          h('span', { class: 'slide-title', dir: 'auto' }, titleOf(p) || t('editor-untitled')),
          live ? h('span', { class: 'tag live' }, t('editor-on-screen')) : null,
          count && (S.showAll) ? h('span', { class: 'tag bad' }, t('editor-slide-problems', { n: count })) : null)));
    })));
}
