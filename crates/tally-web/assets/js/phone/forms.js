// The voting form of each poll type, built to be used with a thumb: whole
// tiles to tap, a segmented row for a scale, sliders for points. Each
// builder returns the form's fields; `readVote` turns them into the vote
// body, or a message id saying what is missing.
import { h, fill } from '../dom.js';
import { t, num } from '../i18n.js';

export const field = (poll) => poll.vote_field || 'key';
export const isChoice = (type) => ['single', 'multiple', 'quiz'].includes(type);
const nameOf = (poll) => (k) => ((poll.options || []).find((o) => o.key === k) || {}).value || k;

// A tile: the input covers the whole tile (transparent), so the tile is
// the target the thumb hits, and the label is its accessible name.
function tile(type, name, value, text, checked, extra = {}, image = null) {
  return h('label', { class: image ? 'tile pictured' : 'tile' },
    h('input', { type, name, value, checked, ...extra }),
    image ? h('img', { class: 'tile-img', src: `/images/${image.image_id}`, alt: image.alt, dir: 'auto' }) : null,
    h('span', { class: 'tile-text', dir: 'auto' }, text),
    h('span', { class: 'tile-mark', 'aria-hidden': 'true' }));
}

// The image beside option `key` of `poll`, if it has one.
export const optionImage = (poll, key) => (poll.images && poll.images.options && poll.images.options[key]) || null;

function choices(form, poll, previous, onChange) {
  const many = field(poll) === 'keys';
  const opts = poll.options || [];
  const max = many ? (poll.max_choices || opts.length) : 1;
  const min = poll.min_choices || 1;
  const chosen = new Set([].concat((previous && (previous.key || previous.keys)) || []));
  const hint = h('p', { class: 'hint', id: 'choice-hint', 'aria-live': 'polite' });
  const list = h('div', { class: 'tiles' }, opts.map((o) => tile(many ? 'checkbox' : 'radio', 'choice', o.key, o.value, chosen.has(o.key), {}, optionImage(poll, o.key))));
  // With a maximum, the boxes not ticked go off once it is reached, so a
  // participant cannot tick one too many and be told off afterwards.
  const limit = () => {
    const boxes = [...list.querySelectorAll('input')];
    const n = boxes.filter((b) => b.checked).length;
    if (many) {
      for (const b of boxes) {
        b.disabled = !b.checked && n >= max;
        b.closest('label').classList.toggle('off', b.disabled);
      }
      hint.textContent = max < opts.length ? t('phone-chosen-of', { n, max }) : t('phone-chosen', { n });
    }
    onChange();
  };
  list.addEventListener('change', limit);
  form.append(h('fieldset', { class: 'plain', 'aria-describedby': 'choice-hint' },
    h('legend', { class: 'legend' }, many
      ? (min > 1 ? t('phone-choose-between', { min, max }) : t('phone-choose-up-to', { max }))
      : t('phone-choose-one')),
    list, many ? hint : null));
  limit();
}

function scale(form, poll, previous, onChange) {
  const sc = poll.scale || { min: 1, max: 5 };
  const values = [];
  for (let v = sc.min; v <= sc.max; v++) values.push(v);
  for (const o of poll.options || []) {
    const was = previous && previous.ratings ? previous.ratings[o.key] : undefined;
    form.append(h('fieldset', { class: 'statement' },
      h('legend', { dir: 'auto' }, o.value),
      h('div', { class: 'segments', 'data-count': values.length }, values.map((v) => h('label', { class: 'segment' },
        h('input', { type: 'radio', name: `rate-${o.key}`, value: v, checked: was === v, onchange: onChange }),
        h('span', {}, num(v))))),
      sc.min_label || sc.max_label ? h('div', { class: 'ends' },
        h('span', { dir: 'auto' }, sc.min_label || ''), h('span', { dir: 'auto' }, sc.max_label || '')) : null));
  }
}

function ranking(form, poll, previous, onChange) {
  const opts = poll.options || [];
  const name = nameOf(poll);
  const order = previous && previous.ranking
    ? [...previous.ranking, ...opts.map((o) => o.key).filter((k) => !previous.ranking.includes(k))]
    : opts.map((o) => o.key);
  const list = h('ol', { class: 'rank', id: 'ranking' });
  // After a move, focus stays on the moved item's button for the same
  // direction, so the next press moves it again; at the end of the list
  // that button is off, and focus goes to the other one.
  const move = (from, to, dir) => {
    order.splice(to, 0, order.splice(from, 1)[0]);
    draw();
    const li = list.children[to];
    const same = li.querySelector(`button[data-dir="${dir}"]`);
    (same.disabled ? li.querySelector(`button[data-dir="${dir === 'up' ? 'down' : 'up'}"]`) : same).focus();
    onChange();
  };
  const draw = () => fill(list, order.map((k, i) => h('li', { class: 'rank-item', 'data-key': k },
    h('span', { class: 'pos', 'aria-hidden': 'true' }, num(i + 1)),
    h('span', { class: 'grow', dir: 'auto' }, name(k)),
    h('button', { type: 'button', class: 'icon', 'data-dir': 'up', 'aria-label': t('phone-move-up', { name: name(k) }), disabled: i === 0, onclick: () => move(i, i - 1, 'up') }, '↑'),
    h('button', { type: 'button', class: 'icon', 'data-dir': 'down', 'aria-label': t('phone-move-down', { name: name(k) }), disabled: i === order.length - 1, onclick: () => move(i, i + 1, 'down') }, '↓'))));
  draw();
  form.append(h('p', { class: 'legend' }, t('phone-rank-hint')), list);
}

function points(form, poll, previous, onChange) {
  const opts = poll.options || [];
  const budget = poll.points_budget || 100;
  const left = h('p', { class: 'budget', id: 'budget', 'aria-live': 'polite' });
  const sliders = opts.map((o) => h('input', {
    type: 'range', min: 0, max: budget, step: 1, id: `pts-${o.key}`, 'data-key': o.key,
    value: previous && previous.points ? String(previous.points[o.key] || 0) : '0',
  }));
  const outputs = opts.map((o) => h('output', { for: `pts-${o.key}`, class: 'pts' }));
  // A slider cannot take more than the points left: the budget is spent,
  // never overspent.
  const update = (changed) => {
    const used = sliders.reduce((sum, i) => sum + (parseInt(i.value, 10) || 0), 0);
    if (changed && used > budget) changed.value = String(parseInt(changed.value, 10) - (used - budget));
    const total = sliders.reduce((sum, i) => sum + (parseInt(i.value, 10) || 0), 0);
    sliders.forEach((i, n) => {
      outputs[n].textContent = num(parseInt(i.value, 10) || 0);
      i.setAttribute('aria-valuetext', t('phone-points-value', { n: parseInt(i.value, 10) || 0 }));
    });
    left.textContent = t('phone-points-left', { left: budget - total, budget });
    left.classList.toggle('spent', total === budget);
    onChange();
  };
  sliders.forEach((i) => i.addEventListener('input', () => update(i)));
  form.append(left, h('div', { class: 'sliders' }, opts.map((o, n) => h('div', { class: 'slider' },
    h('div', { class: 'slider-head' }, h('label', { for: `pts-${o.key}`, dir: 'auto' }, o.value), outputs[n]),
    sliders[n]))));
  update(null);
}

function words(form, poll, previous, onChange) {
  const n = poll.max_entries || 3;
  const was = (previous && previous.words) || [];
  for (let i = 0; i < n; i++) {
    form.append(h('div', { class: 'field' },
      h('label', { for: `word-${i}` }, n === 1 ? t('phone-your-word') : (i ? t('phone-word-optional', { n: i + 1 }) : t('phone-word', { n: i + 1 }))),
      h('input', { id: `word-${i}`, name: 'word', dir: 'auto', maxlength: poll.max_length || 25, autocomplete: 'off', value: was[i] || '', oninput: onChange })));
  }
}

function open(form, poll, previous, onChange) {
  const max = poll.max_length || 280;
  const count = h('span', { class: 'hint', id: 'text-count' });
  const area = h('textarea', { id: 'text', name: 'text', dir: 'auto', maxlength: max, value: (previous && previous.text) || '', 'aria-describedby': 'text-count' });
  const update = () => {
    count.textContent = t('phone-chars-left', { n: max - area.value.length });
    onChange();
  };
  area.addEventListener('input', update);
  form.append(h('div', { class: 'field' }, h('label', { for: 'text' }, t('phone-your-answer')), area, count));
  update();
}

const BUILDERS = { single: choices, multiple: choices, quiz: choices, scale, ranking, points, wordcloud: words, open };

// Adds the fields of `poll` to `form`; `onChange` runs on every edit.
export function buildForm(form, poll, type, previous, onChange = () => {}) {
  (BUILDERS[type] || (() => {}))(form, poll, previous, onChange);
}

// The vote body the form holds, or `{error: message id}`.
export function readVote(form, poll, type) {
  if (isChoice(type)) {
    const keys = [...form.querySelectorAll('input[name="choice"]:checked')].map((i) => i.value);
    if (!keys.length) return { error: 'phone-need-choice' };
    if (field(poll) === 'keys') {
      if (poll.min_choices && keys.length < poll.min_choices) return { error: 'phone-need-more', args: { min: poll.min_choices } };
      return { keys };
    }
    return { key: keys[0] };
  }
  if (type === 'scale') {
    const ratings = {};
    for (const o of poll.options || []) {
      const picked = form.querySelector(`input[name="rate-${CSS.escape(o.key)}"]:checked`);
      if (picked) ratings[o.key] = Number(picked.value);
    }
    return Object.keys(ratings).length ? { ratings } : { error: 'phone-need-rating' };
  }
  if (type === 'ranking') {
    const order = [...form.querySelectorAll('#ranking li')].map((li) => li.dataset.key);
    return { ranking: order.slice(0, poll.max_choices || order.length) };
  }
  if (type === 'points') {
    const spread = {};
    let sum = 0;
    for (const i of form.querySelectorAll('input[type="range"]')) {
      const v = parseInt(i.value, 10) || 0;
      if (v > 0) spread[i.dataset.key] = v;
      sum += v;
    }
    if (sum === 0) return { error: 'phone-need-points' };
    return { points: spread };
  }
  if (type === 'wordcloud') {
    const list = [...form.querySelectorAll('input[name="word"]')].map((i) => i.value.trim()).filter(Boolean);
    return list.length ? { words: list } : { error: 'phone-need-word' };
  }
  if (type === 'open') {
    const text = form.querySelector('textarea').value.trim();
    return text ? { text } : { error: 'phone-need-text' };
  }
  return { error: 'phone-unsupported' };
}

// Whether the form holds enough to send: the Vote button is off until it
// does, so a tap never ends in "choose an answer first".
export function ready(form, poll, type) {
  return !readVote(form, poll, type).error;
}

// What the participant sent, in words; audience text stays in its own
// direction (the caller puts it in a `dir="auto"` element).
export function describe(poll, body) {
  const name = nameOf(poll);
  const list = (xs) => xs.join(', ');
  if (body.key) return t('phone-you-chose', { what: name(body.key) });
  if (body.keys) return t('phone-you-chose', { what: list(body.keys.map(name)) });
  if (body.ratings) return t('phone-your-ratings', { what: list(Object.entries(body.ratings).map(([k, v]) => `${name(k)} ${num(v)}`)) });
  if (body.ranking) return t('phone-your-order', { what: body.ranking.map(name).join(' › ') });
  if (body.points) return t('phone-your-points', { what: list(Object.entries(body.points).map(([k, v]) => `${name(k)} ${num(v)}`)) });
  if (body.words) return t('phone-your-words', { what: list(body.words) });
  if (body.text) return t('phone-your-text', { what: body.text });
  return '';
}
