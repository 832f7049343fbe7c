// Correcting a contest in place (the owner's page): the title, the
// criteria, the contestants and the rounds, as rows that keep their ids.
// The server decides what may still change: before the first mark
// anything; after it, text fixes only (a weight, a range, a criterion or a
// contestant removed would change what the saved marks mean, and the
// server says so, naming the round).
import { h, fill } from './dom.js';
import { t } from './i18n.js';

let rowSeq = 0;

// One editable row: its inputs, the id it keeps (none for a new one) and a
// button that takes it out. A criterion's row is a boxed group, each label
// above its field; a contestant's or round's row is one field whose label
// is read out but not shown (the heading above says what the list is).
const NUMBERS = new Set(['weight', 'min', 'max', 'step']);
function row(kind, id, fields) {
  const n = rowSeq++;
  const single = fields.length === 1;
  const el = h('div', { class: 'row edit-row', 'data-kind': kind, 'data-id': id || '' },
    fields.map(([key, label, value, size]) => h('label', { class: `edit-field edit-${key}` },
      h('span', { class: single ? 'visually-hidden' : 'muted' }, label),
      h('input', { 'data-key': key, id: `edit-${kind}-${n}-${key}`, value: value ?? '', size, required: key === 'name',
        inputmode: NUMBERS.has(key) ? 'decimal' : null, dir: NUMBERS.has(key) ? null : 'auto' }))),
    h('button', { type: 'button', class: 'danger edit-remove', 'aria-label': REMOVE[kind](), onclick: () => el.remove() }, t('edit-remove')));
  return el;
}

const REMOVE = { criterion: () => t('edit-remove-criterion'), contestant: () => t('edit-remove-contestant'), round: () => t('edit-remove-round') };
const ADD = { criterion: () => t('edit-add-criterion'), contestant: () => t('edit-add-contestant'), round: () => t('edit-add-round') };

const criterionRow = (c = {}) => row('criterion', c.criterion_id, [
  ['name', t('edit-criterion'), c.name, 14], ['weight', t('edit-weight'), c.weight ?? '1', 4], ['min', t('edit-min'), c.min ?? '1', 4],
  ['max', t('edit-max'), c.max ?? '10', 4], ['step', t('edit-step'), c.step ?? '1', 4], ['description', t('edit-description'), c.description, 24]]);
const entryRow = (kind, id, name) => row(kind, id, [['name', kind === 'round' ? t('edit-round') : t('edit-contestant'), name, 24]]);

function rows(form, kind) {
  return [...form.querySelectorAll(`.edit-row[data-kind="${kind}"]`)].map((el) => {
    const values = Object.fromEntries([...el.querySelectorAll('input')].map((i) => [i.dataset.key, i.value.trim()]));
    return { id: el.dataset.id || null, ...values };
  });
}

// The form, filled from `contest`; `save(body)` sends it.
export function contestEditor(contest, save) {
  const list = (kind, items) => h('div', { class: 'stack', id: `edit-${kind}s` }, items);
  const add = (kind, make) => h('button', { type: 'button', class: 'secondary', id: `add-${kind}`,
    onclick: (e) => e.target.previousElementSibling.append(make()) }, ADD[kind]());
  const form = h('form', { class: 'stack', id: 'edit-form', onsubmit: async (e) => {
    e.preventDefault();
    const criteria = rows(form, 'criterion').map(({ id, ...c }) => ({ criterion_id: id, ...c }));
    const tie = contest.tie_breaks.find((t) => t !== 'audience');
    const kept = criteria.find((c) => c.criterion_id && contest.criteria.find((o) => o.criterion_id === c.criterion_id && o.name === tie));
    await save({
      title: form.querySelector('#edit-title').value,
      method: contest.method,
      trim_min_judges: contest.trim_min_judges ?? null,
      criteria,
      contestants: rows(form, 'contestant').map(({ id, name }) => ({ id, name })),
      rounds: rows(form, 'round').map(({ id, name }) => ({ id, name })),
      // The tie-break follows its criterion through a rename.
      tie_break_criterion: kept ? kept.name : (tie ?? null),
      tie_break_audience: contest.tie_breaks.includes('audience'),
      audience: contest.audience ? { poll_id: contest.audience.poll_id, weight: contest.audience.weight } : null,
    });
  } },
  h('label', { class: 'edit-field' }, h('span', {}, t('edit-title')), h('input', { id: 'edit-title', value: contest.title, maxlength: 200, required: true, dir: 'auto' })),
  h('h3', {}, t('edit-criteria')), list('criterion', contest.criteria.map(criterionRow)), add('criterion', () => criterionRow()),
  h('h3', {}, t('edit-contestants')), list('contestant', contest.contestants.map((c) => entryRow('contestant', c.contestant_id, c.name))),
  add('contestant', () => entryRow('contestant')),
  h('h3', {}, t('edit-rounds')), list('round', contest.rounds.map((r) => entryRow('round', r.round_id, r.name))),
  add('round', () => entryRow('round')),
  h('p', { class: 'muted' }, t('edit-rule')),
  h('button', { type: 'submit', id: 'save-contest' }, t('edit-save')),
  h('div', { id: 'edit-status', role: 'alert' }));
  return form;
}

// The section: closed until the owner opens it, and rebuilt from the
// contest as it is each time it opens (a refresh never overwrites typing).
export function editorSection(current, save) {
  const body = h('div', { id: 'edit-body' });
  return h('details', { id: 'edit-contest', class: 'card', ontoggle: (e) => {
    if (e.target.open) fill(body, contestEditor(current(), save));
  } }, h('summary', {}, t('edit-summary')), body);
}
