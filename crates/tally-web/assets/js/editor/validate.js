// What Tally would refuse in a deck, found before anything is sent, each
// said in plain words beside its field (GOV.UK's pattern): `{ slide, field,
// id, args }`, where `slide` is the poll's index, `field` the field's name
// in the form (see form.js) and `id` the message (`editor-err-<id>`). The
// rules are Tally's own (poll.rs, kinds/settings.rs), so a deck that passes
// here is one the server takes.
import { LIMITS, SCALE_TEXT_LIMIT, WITH_OPTIONS, WITH_CHOICES, TAKES, defaultOf, scaleText } from './model.js';

const chars = (s) => [...s].length;
const whole = (v) => /^-?\d+$/.test(String(v).trim());

// Checks a number setting: empty (Tally's default) or a whole number in range.
function numberField(errors, slide, field, value, min, max) {
  const v = String(value).trim();
  if (v === '') return undefined;
  if (!whole(v) || Number(v) < min || Number(v) > max) {
    errors.push({ slide, field, id: 'number-range', args: { min, max } });
    return undefined;
  }
  return Number(v);
}

export function pollErrors(poll, slide) {
  const errors = [];
  const type = poll.type;
  const q = poll.question.trim();
  if (!q) errors.push({ slide, field: 'question', id: 'question-empty' });
  else if (chars(poll.question) > LIMITS.question) errors.push({ slide, field: 'question', id: 'question-long', args: { max: LIMITS.question, n: chars(poll.question) } });

  if (WITH_OPTIONS.has(type)) {
    const n = poll.options.length;
    if (n > LIMITS.options) errors.push({ slide, field: 'options', id: 'options-many', args: { max: LIMITS.options, n } });
    const seen = new Map();
    poll.options.forEach((o, j) => {
      const field = `option-${o.key}`;
      const v = o.value.trim();
      if (!v) errors.push({ slide, field, id: 'option-empty', args: { n: j + 1 } });
      else if (chars(o.value) > LIMITS.option) errors.push({ slide, field, id: 'option-long', args: { n: j + 1, max: LIMITS.option, count: chars(o.value) } });
      else {
        const norm = v.toLocaleLowerCase();
        if (seen.has(norm)) errors.push({ slide, field, id: 'option-same', args: { n: j + 1, other: seen.get(norm) + 1 } });
        else seen.set(norm, j);
      }
    });
    if (type === 'scale' && scaleText(poll) > SCALE_TEXT_LIMIT) {
      errors.push({ slide, field: 'options', id: 'scale-text', args: { chars: scaleText(poll), limit: SCALE_TEXT_LIMIT } });
    }
    if (WITH_CHOICES.has(type)) {
      const min = numberField(errors, slide, 'min_choices', poll.s.min_choices, 1, Math.max(n, 1)) ?? defaultOf('min_choices', type, n);
      const max = numberField(errors, slide, 'max_choices', poll.s.max_choices, 1, Math.max(n, 1)) ?? defaultOf('max_choices', type, n);
      const given = String(poll.s.min_choices).trim() !== '' || String(poll.s.max_choices).trim() !== '';
      if (given && min > max) errors.push({ slide, field: 'min_choices', id: 'choices-order', args: { min, max } });
      if (type === 'quiz') {
        const correct = poll.options.filter((o) => o.correct).length;
        if (!correct) errors.push({ slide, field: 'correct', id: 'correct-none' });
        else if (min <= max && (correct < min || correct > max)) errors.push({ slide, field: 'correct', id: 'correct-count', args: { min, max, count: correct } });
      }
    }
  }
  if (type === 'scale') {
    const sc = poll.s.scale;
    const bad = (v) => !whole(v);
    if (bad(sc.min)) errors.push({ slide, field: 'scale-min', id: 'whole-number' });
    if (bad(sc.max)) errors.push({ slide, field: 'scale-max', id: 'whole-number' });
    if (!bad(sc.min) && !bad(sc.max)) {
      const lo = Number(sc.min);
      const hi = Number(sc.max);
      if (lo >= hi) errors.push({ slide, field: 'scale-max', id: 'scale-order', args: { min: lo, max: hi } });
      else if (hi - lo > LIMITS.scaleSpan) errors.push({ slide, field: 'scale-max', id: 'scale-span', args: { max: LIMITS.scaleSpan } });
    }
  }
  if (TAKES.points_budget.has(type)) numberField(errors, slide, 'points_budget', poll.s.points_budget, 1, LIMITS.pointsBudget);
  if (TAKES.max_entries.has(type)) numberField(errors, slide, 'max_entries', poll.s.max_entries, 1, LIMITS.wordEntries);
  if (TAKES.max_length.has(type)) numberField(errors, slide, 'max_length', poll.s.max_length, 1, type === 'wordcloud' ? LIMITS.wordLength : LIMITS.textLength);
  if (TAKES.points.has(type)) numberField(errors, slide, 'points', poll.s.points, 1, LIMITS.quizPoints);
  if (TAKES.time_limit_secs.has(type)) numberField(errors, slide, 'time_limit_secs', poll.s.time_limit_secs, 1, LIMITS.timeLimit);
  if (type === 'content') {
    const body = poll.s.body || '';
    if (chars(body) > LIMITS.body) errors.push({ slide, field: 'body', id: 'body-long', args: { max: LIMITS.body, n: chars(body) } });
    // The common ways out of the subset, said before the server refuses
    // them (it names any other): markup, a link or picture, a heading.
    else if (/<[A-Za-z/!]/.test(body)) errors.push({ slide, field: 'body', id: 'body-html' });
    else if (/\]\(|<https?:/.test(body)) errors.push({ slide, field: 'body', id: 'body-link' });
    else if (/^ {0,3}#{1,6}(\s|$)/m.test(body)) errors.push({ slide, field: 'body', id: 'body-heading' });
  }
  const image = poll.images && poll.images.question;
  if (image && !image.alt.trim()) errors.push({ slide, field: 'image-alt', id: 'alt-empty' });
  else if (image && chars(image.alt.trim()) > LIMITS.alt) errors.push({ slide, field: 'image-alt', id: 'alt-long', args: { max: LIMITS.alt, n: chars(image.alt.trim()) } });
  if (chars(poll.notes) > LIMITS.notes) errors.push({ slide, field: 'notes', id: 'notes-long', args: { max: LIMITS.notes, n: chars(poll.notes) } });
  return errors;
}

export function deckErrors(deck) {
  const errors = [];
  if (chars(deck.title || '') > LIMITS.title) errors.push({ slide: -1, field: 'title', id: 'title-long', args: { max: LIMITS.title, n: chars(deck.title) } });
  if (!deck.polls.length) errors.push({ slide: -1, field: 'slides', id: 'no-slides' });
  if (deck.polls.length > LIMITS.polls) errors.push({ slide: -1, field: 'slides', id: 'slides-many', args: { max: LIMITS.polls, n: deck.polls.length } });
  deck.polls.forEach((p, i) => errors.push(...pollErrors(p, i)));
  return errors;
}

// Errors over a limit show as they are typed; the others ("enter a
// question") once the presenter tries to save, so that a fresh slide is
// not red before anyone typed in it.
export const OVER_LIMIT = new Set(['body-long', 'body-html', 'body-link', 'body-heading', 'question-long', 'option-long', 'options-many', 'notes-long', 'title-long', 'slides-many', 'scale-text', 'option-same', 'alt-long']);
