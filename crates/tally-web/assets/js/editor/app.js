// The editor's page: a bar (title, save state, undo, save, export), the
// error summary, and three columns: the slide list, the selected slide's
// form and its preview (one column on a phone). A change of text redraws
// only what follows from it (errors, list, preview); anything else redraws
// the page and puts the focus back where it was.
import { h, fill } from '../dom.js';
import { t, num } from '../i18n.js';
import { localeSwitch } from '../locale-switch.js';
import { S, ui, dirty, errors, edit } from './state.js';
import { LIMITS } from './model.js';
import { slideList } from './slides.js';
import { slideForm, refreshErrors } from './form.js';
import { preview } from './preview.js';
import { startPanel } from './start.js';
import { save, exportFile, duplicateDeck, withIds } from './save.js';

const app = document.getElementById('app');
const announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite', id: 'announcer' });
document.body.append(announcer);

ui.announce = (text) => {
  announcer.textContent = '';
  // A fresh text node after a tick, so the same words twice are read twice.
  setTimeout(() => { announcer.textContent = text; }, 50);
};

function status() {
  if (S.busy) return t('editor-status-busy');
  if (S.mode === 'new') return t('editor-status-new');
  return dirty() ? t('editor-status-unsaved') : t('editor-status-saved', { revision: S.revision });
}

function summary() {
  const list = errors();
  if (!S.showAll || !list.length) return null;
  return h('div', { class: 'error-summary', id: 'error-summary', tabindex: '-1', role: 'alert', 'aria-labelledby': 'error-summary-h' },
    h('h2', { id: 'error-summary-h' }, t('editor-summary', { n: list.length })),
    h('ul', {}, list.slice(0, 20).map((e) => h('li', {}, h('a', {
      href: `#f-${e.field}`,
      onclick: (ev) => {
        ev.preventDefault();
        if (e.slide >= 0) S.selected = e.slide;
        render(e.field === 'correct' ? 'f-question' : e.field === 'options' ? 'add-option' : `f-${e.field}`);
      },
    }, e.slide >= 0 ? t('editor-summary-item', { n: e.slide + 1, text: t(`editor-err-${e.id}`, e.args) }) : t(`editor-err-${e.id}`, e.args))))));
}

function noticeBox() {
  const n = S.notice;
  if (!n) return null;
  return h('div', { class: `notice ${n.kind}`, id: 'notice', tabindex: '-1' },
    h('p', {}, n.text()),
    n.actions && n.actions.length ? h('div', { class: 'row' }, n.actions.map(([label, fn], k) => h('button', {
      type: 'button', class: k ? 'small secondary' : 'small', id: `notice-action-${k}`, disabled: S.busy, onclick: fn,
    }, t(label))), h('button', { type: 'button', class: 'small secondary', id: 'notice-dismiss', onclick: () => { S.notice = null; render('save'); } }, t('editor-dismiss'))) : null);
}

function titleRow() {
  const field = h('div', { class: 'field deck-title' },
    h('label', { for: 'f-title' }, t('editor-deck-title')),
    h('p', { class: 'field-error', id: 'err-title' }),
    h('input', { id: 'f-title', dir: 'auto', value: S.deck.title || '', 'aria-describedby': 'err-title', placeholder: t('editor-deck-title-placeholder'),
      oninput: (e) => edit(() => { S.deck.title = e.target.value; }, { field: 'title', full: false }) }));
  if (S.mode !== 'new') return field;
  return h('div', { class: 'row title-row' }, field,
    h('div', { class: 'field' },
      h('label', { for: 'f-filter' }, t('editor-filter')),
      h('select', { id: 'f-filter', onchange: (e) => edit(() => { S.deck.profanity_filter = e.target.value; }, { full: false }) },
        ['off', 'standard', 'strict'].map((f) => h('option', { value: f, selected: S.deck.profanity_filter === f }, t(`editor-filter-${f}`))))));
}

function toolbar() {
  const editing = S.mode === 'edit';
  return h('div', { class: 'ed-bar', role: 'toolbar', 'aria-label': t('editor-toolbar') },
    h('button', { type: 'button', class: 'small secondary', id: 'undo', disabled: !S.history.canUndo, 'aria-keyshortcuts': 'Control+Z', onclick: undo }, t('editor-undo')),
    h('button', { type: 'button', class: 'small secondary', id: 'redo', disabled: !S.history.canRedo, 'aria-keyshortcuts': 'Control+Shift+Z', onclick: redo }, t('editor-redo')),
    h('span', { class: 'spacer' }),
    editing ? [
      h('a', { class: 'button small secondary', href: `/present/${S.id}`, id: 'to-console' }, t('editor-console')),
      h('button', { type: 'button', class: 'small secondary', id: 'export', disabled: S.busy, onclick: exportFile }, t('editor-export')),
      h('button', { type: 'button', class: 'small secondary', id: 'duplicate-deck', disabled: S.busy, onclick: duplicateDeck }, t('editor-duplicate-deck')),
    ] : h('button', { type: 'button', class: 'small secondary', id: 'start-again', onclick: () => { S.started = false; S.notice = null; S.history.keepDraft(); render('start-h'); } }, t('editor-start-again')),
    h('button', { type: 'button', id: 'save', class: 'primary', disabled: S.busy, 'aria-keyshortcuts': 'Control+S', onclick: save }, t(editing ? 'editor-save' : 'editor-create')));
}

export function render(focus) {
  const active = document.activeElement;
  const keep = focus === undefined && active && active.id ? { id: active.id, start: active.selectionStart, end: active.selectionEnd } : null;
  const editing = S.mode === 'edit';
  document.title = t(editing ? 'editor-page-title-edit' : 'editor-page-title-new');
  app.className = 'editor-app';
  const choosing = !editing && !S.started;
  fill(app,
    h('div', { class: 'page-head ed-head' },
      h('h1', {}, t(editing ? 'editor-heading-edit' : 'editor-heading-new')),
      h('span', { class: 'status', id: 'save-status', role: 'status' }, choosing ? '' : status()),
      h('a', { href: '/', class: 'home-link' }, t('editor-home')),
      localeSwitch()),
    choosing ? [h('h2', { id: 'start-h', class: 'visually-hidden', tabindex: '-1' }, t('editor-start')), startPanel()] : [
      titleRow(),
      toolbar(),
      noticeBox(),
      summary(),
      h('div', { class: 'ed-grid' }, slideList(), slideForm(), preview()),
      h('p', { class: 'hint shortcuts' }, t('editor-shortcuts', { max: num(LIMITS.polls) })),
    ]);
  if (!choosing) refreshErrors();
  const target = focus ? document.getElementById(focus) : keep && document.getElementById(keep.id);
  if (target) {
    target.focus({ preventScroll: !focus });
    if (keep && target.setSelectionRange && keep.start != null && target === document.getElementById(keep.id)) {
      try { target.setSelectionRange(keep.start, keep.end); } catch { /* not a text field */ }
    }
  }
}

// After typing: the errors beside the fields, the list, the preview and
// the save state follow; the field being typed in is left alone.
function changed() {
  refreshErrors();
  const swap = (selector, make) => {
    const old = app.querySelector(selector);
    if (old) old.replaceWith(make());
  };
  swap('.ed-slides', slideList);
  swap('.ed-preview', preview);
  const sum = app.querySelector('#error-summary');
  const fresh = summary();
  if (sum && fresh) sum.replaceWith(fresh);
  else if (sum) sum.remove();
  const st = document.getElementById('save-status');
  if (st) st.textContent = status();
  const u = document.getElementById('undo');
  if (u) u.disabled = !S.history.canUndo;
}

function restore(snap, message) {
  if (!snap) return;
  S.deck = snap.deck;
  withIds(S.deck.polls);
  // A new round agreed to was for the edit now taken back.
  S.resets.clear();
  S.selected = Math.min(snap.selected || 0, S.deck.polls.length - 1);
  if (snap.started !== undefined && S.mode === 'new') S.started = snap.started;
  S.history.keepDraft();
  render();
  ui.announce(t(message));
}

export const undo = () => restore(S.history.undo(), 'editor-undone');
export const redo = () => restore(S.history.redo(), 'editor-redone');

ui.render = render;
ui.changed = changed;
ui.undo = undo;

addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.altKey) return;
  const key = e.key.toLowerCase();
  if (key === 'z' && !e.shiftKey) {
    e.preventDefault();
    undo();
  } else if ((key === 'z' && e.shiftKey) || key === 'y') {
    e.preventDefault();
    redo();
  } else if (key === 's' && (S.mode === 'edit' || S.started)) {
    e.preventDefault();
    save();
  }
});
