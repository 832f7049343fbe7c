// The deck as the editor holds it, and its conversions: from the deck
// Tally serves (`GET …/deck`, settings flattened) or a deck file
// (`tally-deck` v1, settings nested), to the body of `PUT …/deck` and to a
// deck file. A poll keeps its options and every setting whatever its type,
// so that switching a poll to a word cloud and back loses nothing; only
// what the type takes is sent.

export const TYPES = ['single', 'multiple', 'scale', 'ranking', 'points', 'wordcloud', 'open', 'quiz', 'qa', 'content'];
export const WITH_OPTIONS = new Set(['single', 'multiple', 'scale', 'ranking', 'points', 'quiz']);
export const WITH_CHOICES = new Set(['multiple', 'ranking', 'quiz']);
export const WITH_TEXT = new Set(['wordcloud', 'open', 'qa']);

// The limits Tally enforces (crates/tally-domain/src/poll.rs and
// kinds/settings.rs), shown before the server would refuse anything.
export const LIMITS = {
  question: 1000, key: 32, option: 500, options: 64, notes: 2000, polls: 200, title: 120, alt: 250,
  scaleSpan: 100, pointsBudget: 1_000_000, wordEntries: 10, wordLength: 50, textLength: 2000,
  timeLimit: 24 * 3600, quizPoints: 100_000, body: 2000,
};
// What the big screen can show of a scale poll: its statements in pages
// that cycle within 30 s at 1280x720 (measured by e2e/screen.mjs; the same
// rule as the first editor's, e2e/editor.mjs).
export const SCALE_TEXT_LIMIT = 6400;

// The settings each type takes (poll-types.md): anything else is refused.
export const TAKES = {
  min_choices: WITH_CHOICES, max_choices: WITH_CHOICES,
  scale: new Set(['scale']),
  points_budget: new Set(['points']),
  max_entries: new Set(['wordcloud']),
  max_length: WITH_TEXT,
  points: new Set(['quiz']),
  time_limit_secs: new Set(TYPES.filter((t) => t !== 'content')),
  allow_change: new Set(TYPES.filter((t) => t !== 'qa' && t !== 'content')),
  results_after_vote: new Set(TYPES.filter((t) => t !== 'qa' && t !== 'content')),
  moderated: WITH_TEXT,
};
const NUMBERS = ['min_choices', 'max_choices', 'points_budget', 'max_entries', 'max_length', 'points', 'time_limit_secs'];
const FLAGS = ['allow_change', 'results_after_vote', 'moderated'];

// The defaults Tally fills in, shown as placeholders.
export function defaultOf(field, type, optionCount) {
  switch (field) {
    case 'min_choices': return type === 'ranking' ? optionCount : 1;
    case 'max_choices': return optionCount;
    case 'points_budget': return 100;
    case 'max_entries': return 3;
    case 'max_length': return type === 'wordcloud' ? 25 : 280;
    case 'points': return 1000;
    default: return '';
  }
}

let uidSeq = 0;
export const newUid = () => `s${Date.now().toString(36)}${(uidSeq++).toString(36)}`;

// A key no option of `options` holds: A…Z, then O27, O28….
export function freshKey(options) {
  const used = new Set(options.map((o) => o.key));
  for (let i = 0; ; i++) {
    const key = i < 26 ? String.fromCharCode(65 + i) : `O${i + 1}`;
    if (!used.has(key)) return key;
  }
}

export function blankPoll(type = 'single') {
  const options = [];
  options.push({ key: freshKey(options), value: '' });
  options.push({ key: freshKey(options), value: '' });
  return { uid: newUid(), type, question: '', options, s: { scale: { min: '1', max: '5', min_label: '', max_label: '' }, body: '' }, notes: '' };
}

const str = (v) => (v == null ? '' : String(v));

// A poll from fields as Tally writes them (flattened: the deck read, or a
// deck file's poll with its settings spread in). `correct` keys mark
// options; a choice count equal to its default is kept as "default", so
// that adding or removing an option keeps it valid.
export function fromFields(p, correct = p.correct || []) {
  const type = p.type || 'single';
  const options = (p.options || []).map((o) => ({ key: o.key, value: o.value, correct: correct.includes(o.key) }));
  const s = { scale: { min: '1', max: '5', min_label: '', max_label: '' }, body: str(p.body) };
  for (const f of NUMBERS) s[f] = str(p[f]);
  for (const f of FLAGS) s[f] = !!p[f];
  // A new deck's choice counts equal to their defaults are kept as "the
  // default", so that adding an option keeps meaning "all". A saved poll
  // keeps its numbers: there an added option must not change the rules
  // (which, with votes, would need a new round).
  if (!p.poll_id) {
    if (s.max_choices === String(options.length)) s.max_choices = '';
    if (s.min_choices === String(defaultOf('min_choices', type, options.length))) s.min_choices = '';
  }
  if (p.scale) s.scale = { min: str(p.scale.min), max: str(p.scale.max), min_label: str(p.scale.min_label), max_label: str(p.scale.max_label) };
  const poll = { uid: newUid(), type, question: p.question || '', options, s, notes: p.notes || '' };
  if (p.images) poll.images = JSON.parse(JSON.stringify(p.images));
  if (!options.length) poll.options = blankPoll().options;
  if (p.poll_id) {
    poll.poll_id = p.poll_id;
    poll.round = p.round;
  }
  return poll;
}

export const fromFilePoll = (p) => fromFields({ ...p, ...(p.settings || {}) });

const int = (v) => (String(v).trim() === '' ? undefined : Number(v));

// The poll as Tally takes it: the type's options and settings only, text
// trimmed, empty settings left out so that Tally's defaults apply.
export function pollFields(poll) {
  const type = poll.type;
  const out = { question: poll.question.trim(), type };
  if (WITH_OPTIONS.has(type)) out.options = poll.options.map((o) => ({ key: o.key, value: o.value.trim() }));
  const settings = {};
  for (const f of NUMBERS) {
    if (TAKES[f].has(type) && int(poll.s[f]) !== undefined) settings[f] = int(poll.s[f]);
  }
  for (const f of FLAGS) {
    if (TAKES[f].has(type) && poll.s[f]) settings[f] = true;
  }
  if (type === 'scale') {
    const sc = poll.s.scale;
    settings.scale = { min: int(sc.min) ?? 1, max: int(sc.max) ?? 5 };
    if (sc.min_label.trim()) settings.scale.min_label = sc.min_label.trim();
    if (sc.max_label.trim()) settings.scale.max_label = sc.max_label.trim();
  }
  if (type === 'quiz') settings.correct = poll.options.filter((o) => o.correct).map((o) => o.key);
  if (type === 'content' && (poll.s.body || '').trim()) settings.body = poll.s.body;
  const notes = poll.notes.trim() ? poll.notes : undefined;
  return { out, settings, notes, images: imagesOf(poll) };
}

// The poll's images as Tally takes them: the question's, and those of
// options the poll still has (none for a type without options).
export function imagesOf(poll) {
  const held = poll.images || {};
  const out = {};
  if (held.question) out.question = { image_id: held.question.image_id, alt: held.question.alt.trim() };
  if (WITH_OPTIONS.has(poll.type) && held.options) {
    const keys = new Set(poll.options.map((o) => o.key));
    const options = Object.fromEntries(Object.entries(held.options).filter(([k]) => keys.has(k)).map(([k, v]) => [k, { image_id: v.image_id, alt: v.alt.trim() }]));
    if (Object.keys(options).length) out.options = options;
  }
  return Object.keys(out).length ? out : undefined;
}

// One poll of `PUT …/deck`.
export function putPoll(poll, resetRounds = new Set()) {
  const { out, settings, notes, images } = pollFields(poll);
  const body = { ...out, ...settings };
  if (!WITH_OPTIONS.has(poll.type)) body.options = [];
  if (notes) body.notes = notes;
  if (images) body.images = images;
  if (poll.poll_id) body.poll_id = poll.poll_id;
  if (poll.poll_id && resetRounds.has(poll.poll_id)) body.reset_round = true;
  return body;
}

// A `tally-deck` version 1 document (README "Deck files").
export function deckFile(deck) {
  const doc = { format: 'tally-deck', version: 1 };
  if (deck.title && deck.title.trim()) doc.title = deck.title.trim();
  if (deck.profanity_filter) doc.profanity_filter = deck.profanity_filter;
  doc.polls = deck.polls.map((poll) => {
    const { out, settings, notes, images } = pollFields(poll);
    const p = { ...out };
    if (Object.keys(settings).length) p.settings = settings;
    if (notes) p.notes = notes;
    if (images) p.images = images;
    return p;
  });
  return doc;
}

// A deck file read into the editor's deck.
export function fromDeckFile(doc) {
  return {
    title: doc.title || '',
    profanity_filter: doc.profanity_filter || 'standard',
    polls: (doc.polls || []).map(fromFilePoll),
  };
}

// A copy of a poll: a new slide (no poll_id) with the same content.
export function copyPoll(poll) {
  const c = JSON.parse(JSON.stringify(poll));
  delete c.poll_id;
  delete c.round;
  c.uid = newUid();
  return c;
}

// The first line of a poll's question, for the slide list.
export const titleOf = (poll) => poll.question.trim().split('\n')[0];

// Removes option `j`, keeping the choice counts within the options left.
export function removeOption(poll, j) {
  poll.options.splice(j, 1);
  const n = poll.options.length;
  for (const f of ['min_choices', 'max_choices']) {
    if (String(poll.s[f]).trim() !== '' && Number(poll.s[f]) > n) poll.s[f] = String(n);
  }
}

export const scaleText = (poll) => poll.options.reduce((sum, o) => sum + o.value.trim().length, 0);
