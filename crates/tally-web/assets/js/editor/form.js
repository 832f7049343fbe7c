// The selected slide's form: a wide question, the type, the options
// (Enter adds the next one), the type's settings and the presenter's
// notes. Each field has its label, a hint with its limit, and its error
// beside it (ids `f-<field>` and `err-<field>`), which `refreshErrors`
// updates as the presenter types, without redrawing the field.
import { h } from '../dom.js';
import { t, num, errorText } from '../i18n.js';
import { uploadImage } from './net.js';
import { S, ui, edit, errors, selectedPoll } from './state.js';
import { TYPES, WITH_OPTIONS, WITH_CHOICES, TAKES, LIMITS, freshKey, copyPoll, defaultOf, removeOption } from './model.js';
import { moveSlide } from './slides.js';

const chars = (s) => [...s].length;

function described(field, hint) {
  return [hint ? `hint-${field}` : null, `err-${field}`].filter(Boolean).join(' ');
}

const errorSlot = (field) => h('p', { class: 'field-error', id: `err-${field}` });

function textField(field, label, value, { hint, max, area = false, rows = 2, set, cls = '' }) {
  const tag = area ? 'textarea' : 'input';
  return h('div', { class: `field ${cls}` },
    h('label', { for: `f-${field}` }, label),
    hint || max ? h('p', { class: 'hint', id: `hint-${field}` }, hint || '', max ? h('span', { class: 'count', id: `count-${field}`, 'data-max': max }, t('editor-count', { n: chars(value), max })) : null) : null,
    errorSlot(field),
    h(tag, {
      id: `f-${field}`, dir: 'auto', rows: area ? rows : null, value,
      'aria-describedby': described(field, hint || max),
      oninput: (e) => {
        edit(() => set(e.target.value), { field, full: false });
        const count = document.getElementById(`count-${field}`);
        if (count) count.textContent = t('editor-count', { n: chars(e.target.value), max });
      },
    }));
}

function numberField(poll, field, label, { min = 1 } = {}) {
  const placeholder = defaultOf(field, poll.type, poll.options.length);
  return h('div', { class: 'field num' },
    h('label', { for: `f-${field}` }, label),
    placeholder !== '' ? h('p', { class: 'hint', id: `hint-${field}` }, t('editor-default', { value: num(placeholder) })) : null,
    errorSlot(field),
    h('input', {
      id: `f-${field}`, type: 'text', inputmode: 'numeric', value: poll.s[field] ?? '', 'data-min': min,
      'aria-describedby': described(field, placeholder !== ''),
      oninput: (e) => edit(() => { poll.s[field] = e.target.value; }, { field, full: false }),
    }));
}

function flag(poll, field, label) {
  return h('div', { class: 'check' },
    h('input', { id: `f-${field}`, type: 'checkbox', checked: !!poll.s[field], onchange: (e) => edit(() => { poll.s[field] = e.target.checked; }, { full: false }) }),
    h('label', { for: `f-${field}` }, label));
}

function optionRow(poll, o, j) {
  const field = `option-${o.key}`;
  const n = poll.options.length;
  return h('li', { class: 'option-row' },
    h('div', { class: 'option-line' },
      h('span', { class: 'option-num', 'aria-hidden': 'true' }, String(j + 1)),
      poll.images && poll.images.options && poll.images.options[o.key]
        ? h('img', { class: 'option-thumb', src: `/images/${poll.images.options[o.key].image_id}`, alt: poll.images.options[o.key].alt, dir: 'auto' }) : null,
      h('input', {
        id: `f-${field}`, dir: 'auto', value: o.value, class: 'grow',
        'aria-label': t(poll.type === 'scale' ? 'editor-statement-n' : 'editor-option-n', { n: j + 1 }),
        'aria-describedby': `err-${field} hint-options`,
        placeholder: t(poll.type === 'scale' ? 'editor-statement-n' : 'editor-option-n', { n: j + 1 }),
        oninput: (e) => edit(() => { o.value = e.target.value; }, { field, full: false }),
        onkeydown: (e) => {
          if (e.key === 'Enter' && !e.isComposing) {
            e.preventDefault();
            if (n < LIMITS.options) {
              edit(() => poll.options.splice(j + 1, 0, { key: freshKey(poll.options), value: '' }));
              document.getElementById(`f-option-${poll.options[j + 1].key}`)?.focus();
            }
          } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            // Alt+↑/↓ moves the option, as it moves a slide in the list.
            e.preventDefault();
            const to = j + (e.key === 'ArrowUp' ? -1 : 1);
            if (to < 0 || to >= n) return;
            edit(() => poll.options.splice(to, 0, poll.options.splice(j, 1)[0]), { focus: `f-${field}` });
            ui.announce(t('editor-option-moved', { from: j + 1, to: to + 1, total: n }));
          } else if (e.key === 'Backspace' && !e.target.value && n > 1) {
            e.preventDefault();
            // Backspace in an empty option removes it, as in a list editor.
            const prev = poll.options[j === 0 ? 1 : j - 1];
            edit(() => removeOption(poll, j));
            document.getElementById(`f-option-${prev.key}`)?.focus();
          }
        },
      }),
      poll.type === 'quiz' ? h('span', { class: 'check correct' },
        h('input', { type: 'checkbox', id: `f-correct-${o.key}`, checked: !!o.correct, onchange: (e) => edit(() => { o.correct = e.target.checked; }, { full: false }) }),
        h('label', { for: `f-correct-${o.key}` }, t('editor-correct'), h('span', { class: 'visually-hidden' }, ` ${j + 1}`))) : null,
      h('button', {
        type: 'button', class: 'small danger icon', disabled: n <= 1,
        'aria-label': t('editor-remove-option', { n: j + 1 }), title: t('editor-remove-option', { n: j + 1 }),
        onclick: () => edit(() => removeOption(poll, j), { focus: j > 0 ? `f-option-${poll.options[j - 1].key}` : 'add-option' }),
      }, '✕')),
    errorSlot(field));
}

function optionsBlock(poll) {
  const scale = poll.type === 'scale';
  const n = poll.options.length;
  return h('div', { class: 'field options', role: 'group', 'aria-labelledby': 'options-h' },
    h('h3', { id: 'options-h' }, t(scale ? 'editor-statements' : 'editor-options')),
    h('p', { class: 'hint', id: 'hint-options' }, t('editor-options-hint', { n, max: LIMITS.options })),
    errorSlot('options'),
    poll.type === 'quiz' ? errorSlot('correct') : null,
    h('ol', { class: 'option-list' }, poll.options.map((o, j) => optionRow(poll, o, j))),
    h('button', {
      type: 'button', class: 'small secondary', id: 'add-option', disabled: n >= LIMITS.options,
      onclick: () => edit(() => poll.options.push({ key: freshKey(poll.options), value: '' }), { focus: `f-option-${freshKey(poll.options)}` }),
    }, t(scale ? 'editor-add-statement' : 'editor-add-option')));
}

function settingsBlock(poll) {
  const type = poll.type;
  const fields = [];
  if (WITH_CHOICES.has(type)) fields.push(numberField(poll, 'min_choices', t('editor-min-choices')), numberField(poll, 'max_choices', t('editor-max-choices')));
  if (type === 'scale') {
    const sc = poll.s.scale;
    const scaleField = (f, label, numeric) => h('div', { class: `field ${numeric ? 'num' : 'label-field'}` },
      h('label', { for: `f-scale-${f}` }, label), errorSlot(`scale-${f}`),
      h('input', { id: `f-scale-${f}`, type: 'text', inputmode: numeric ? 'numeric' : null, dir: numeric ? null : 'auto', value: sc[f], 'aria-describedby': `err-scale-${f}`,
        oninput: (e) => edit(() => { sc[f] = e.target.value; }, { field: `scale-${f}`, full: false }) }));
    fields.push(scaleField('min', t('editor-scale-min'), true), scaleField('max', t('editor-scale-max'), true),
      scaleField('min_label', t('editor-scale-min-label'), false), scaleField('max_label', t('editor-scale-max-label'), false));
  }
  if (TAKES.points_budget.has(type)) fields.push(numberField(poll, 'points_budget', t('editor-points-budget')));
  if (TAKES.max_entries.has(type)) fields.push(numberField(poll, 'max_entries', t('editor-max-entries')));
  if (TAKES.max_length.has(type)) fields.push(numberField(poll, 'max_length', t('editor-max-length')));
  if (TAKES.points.has(type)) fields.push(numberField(poll, 'points', t('editor-quiz-points')));
  if (TAKES.time_limit_secs.has(type)) fields.push(numberField(poll, 'time_limit_secs', t('editor-timer')));
  const flags = [];
  if (TAKES.allow_change.has(type)) flags.push(flag(poll, 'allow_change', t('editor-allow-change')));
  if (TAKES.results_after_vote.has(type)) flags.push(flag(poll, 'results_after_vote', t('editor-results-after-vote')));
  if (TAKES.moderated.has(type)) flags.push(flag(poll, 'moderated', t('editor-moderated')));
  // A content slide has no setting.
  if (!fields.length && !flags.length) return null;
  return h('fieldset', { class: 'settings' },
    h('legend', {}, t('editor-settings')),
    h('div', { class: 'settings-grid' }, fields),
    h('div', { class: 'flags' }, flags));
}

// The question's image: on a deck that exists, uploaded to Tally at once
// (it needs the presentation), shown with its alt text, which is
// required; a new deck gets images once created.
let imageProblem = null;
function imageBlock(poll) {
  const image = poll.images && poll.images.question;
  if (S.mode !== 'edit') return h('p', { class: 'hint' }, t('editor-image-after-create'));
  if (image) {
    return h('div', { class: 'field image-field' },
      h('span', { class: 'label' }, t('editor-image')),
      h('img', { class: 'image-thumb', src: `/images/${image.image_id}`, alt: image.alt, dir: 'auto' }),
      h('label', { for: 'f-image-alt' }, t('editor-image-alt')),
      h('p', { class: 'hint', id: 'hint-image-alt' }, t('editor-image-alt-hint', { max: LIMITS.alt })),
      errorSlot('image-alt'),
      h('input', { id: 'f-image-alt', dir: 'auto', value: image.alt, 'aria-describedby': 'hint-image-alt err-image-alt',
        oninput: (e) => edit(() => { image.alt = e.target.value; }, { field: 'image-alt', full: false }) }),
      h('button', { type: 'button', class: 'small danger', id: 'remove-image', onclick: () => edit(() => { delete poll.images.question; }, { focus: 'f-question' }) }, t('editor-image-remove')));
  }
  return h('div', { class: 'field image-field' },
    imageProblem ? h('p', { class: 'field-error upload-error', id: 'err-image' }, imageProblem) : null,
    h('input', { type: 'file', id: 'f-image', class: 'visually-hidden file-input', accept: 'image/png,image/jpeg,image/webp,image/gif', onchange: async (e) => {
      const file = e.target.files[0];
      if (!file) return;
      imageProblem = null;
      try {
        const made = await uploadImage(S.id, S.token, file);
        edit(() => { poll.images = { ...(poll.images || {}), question: { image_id: made.image_id, alt: '' } }; }, { focus: 'f-image-alt' });
      } catch (err) {
        imageProblem = errorText(err);
        ui.render('f-image');
      }
    } }),
    h('label', { class: 'button small secondary file-button', for: 'f-image' }, t('editor-image-add')));
}

export function slideForm() {
  const poll = selectedPoll();
  if (!poll) return h('section', { class: 'ed-form' });
  const i = S.selected;
  const n = S.deck.polls.length;
  return h('section', { class: 'ed-form', 'aria-labelledby': 'slide-h' },
    h('div', { class: 'slide-head' },
      h('h2', { id: 'slide-h' }, t('editor-slide-of', { n: i + 1, total: n }),
        poll.round > 1 ? h('span', { class: 'tag' }, t('editor-round', { n: poll.round })) : null),
      h('div', { class: 'row slide-tools' },
        h('button', { type: 'button', class: 'small secondary', id: 'move-up', disabled: i === 0, 'aria-label': t('editor-move-up-label', { n: i + 1 }), onclick: () => moveSlide(i, i - 1) }, t('editor-move-up')),
        h('button', { type: 'button', class: 'small secondary', id: 'move-down', disabled: i === n - 1, 'aria-label': t('editor-move-down-label', { n: i + 1 }), onclick: () => moveSlide(i, i + 1) }, t('editor-move-down')),
        h('button', { type: 'button', class: 'small secondary', id: 'duplicate-slide', disabled: n >= LIMITS.polls, onclick: () => {
          edit(() => { S.deck.polls.splice(i + 1, 0, copyPoll(poll)); S.selected = i + 1; }, { focus: 'f-question' });
          ui.announce(t('editor-duplicated', { n: i + 1, to: i + 2 }));
        } }, t('editor-duplicate-slide')),
        h('button', { type: 'button', class: 'small danger', id: 'delete-slide', disabled: n <= 1, onclick: () => {
          edit(() => { S.deck.polls.splice(i, 1); S.selected = Math.min(i, S.deck.polls.length - 1); }, { focus: `pick-${Math.min(i, n - 2)}` });
          ui.announce(t('editor-deleted', { n: i + 1 }));
        } }, t('editor-delete-slide')))),
    poll.poll_id ? h('p', { class: 'hint live-hint' }, t('editor-live-hint')) : null,
    textField('question', t(poll.type === 'content' ? 'editor-heading' : 'editor-question'), poll.question, { max: LIMITS.question, area: true, rows: 2, cls: 'question', set: (v) => { poll.question = v; } }),
    imageBlock(poll),
    h('div', { class: 'field type-field' },
      h('label', { for: 'f-type' }, t('editor-type')),
      h('select', { id: 'f-type', onchange: (e) => edit(() => { poll.type = e.target.value; }, { focus: 'f-type' }) },
        TYPES.map((v) => h('option', { value: v, selected: poll.type === v }, t(`editor-type-${v}`))))),
    WITH_OPTIONS.has(poll.type) ? optionsBlock(poll) : null,
    poll.type === 'content'
      ? textField('body', t('editor-body'), poll.s.body || '', { hint: t('editor-body-hint'), max: LIMITS.body, area: true, rows: 7, cls: 'body-field', set: (v) => { poll.s.body = v; } })
      : null,
    WITH_OPTIONS.has(poll.type) || poll.type === 'content' ? null : h('p', { class: 'hint' }, t(`editor-no-options-${poll.type}`)),
    settingsBlock(poll),
    textField('notes', t('editor-notes'), poll.notes, { hint: t('editor-notes-hint'), max: LIMITS.notes, area: true, rows: 3, set: (v) => { poll.notes = v; } }));
}

// Puts each error of the selected slide beside its field, and clears the
// ones that are fixed.
export function refreshErrors() {
  const mine = errors().filter((e) => e.slide === S.selected || e.slide < 0);
  const byField = new Map();
  for (const e of mine) if (!byField.has(e.field)) byField.set(e.field, e);
  // (An upload's problem is the server's answer, kept until the next try.)
  for (const slot of document.querySelectorAll('.field-error:not(.upload-error)')) {
    const field = slot.id.slice(4);
    const e = byField.get(field);
    slot.textContent = e ? t(`editor-err-${e.id}`, e.args) : '';
    const input = document.getElementById(`f-${field}`);
    if (input) {
      if (e) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }
}
