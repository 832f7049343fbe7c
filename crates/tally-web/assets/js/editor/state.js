// The editor's one state, shared by its parts (slide list, form, preview,
// saving), and the hooks through which a part asks for a redraw. A part
// changes the deck only through `edit`, so that every change is an undo
// step and lands in the draft.
import { deckErrors, OVER_LIMIT } from './validate.js';
import { putPoll } from './model.js';

export const S = {
  mode: 'new', // 'new' (a deck not created yet) or 'edit'
  id: null, // the presentation, when editing
  token: null,
  revision: null, // the deck revision the edits start from (If-Match)
  saved: null, // the body last saved (or loaded), to tell unsaved changes
  savedTitle: '',
  deck: { title: '', profanity_filter: 'standard', polls: [] },
  selected: 0,
  started: false, // /new: a start was chosen (blank, template, outline)
  showAll: false, // every error shown (after a save was tried)
  notice: null, // { kind, text: () => string, actions: [[label, fn]] }
  resets: new Set(), // poll ids the presenter agreed to start a new round of
  busy: false,
  history: null,
  currentIndex: null, // the slide on screen, in the saved order
  onScreenId: null, // the poll on screen
};

export const ui = {
  render: () => {},
  changed: () => {},
  announce: () => {},
};

// The deck's body as `PUT` would send it: equal bodies, no unsaved change.
export const bodyOf = () => JSON.stringify(S.deck.polls.map((p) => putPoll(p)));
export const dirty = () => bodyOf() !== S.saved || (S.deck.title || '').trim() !== (S.savedTitle || '').trim();

export function errors() {
  return deckErrors(S.deck).filter((e) => S.showAll || OVER_LIMIT.has(e.id));
}

export const allErrors = () => deckErrors(S.deck);

// One change to the deck: an undo step first (typing in one field within a
// moment is one step), then the change, the draft kept, and a redraw
// (`full`: the whole page; else only what follows from the text).
export function edit(fn, { field = null, full = true, focus } = {}) {
  S.history.before(field);
  fn();
  S.history.keepDraft();
  if (full) ui.render(focus);
  else ui.changed();
}

export const selectedPoll = () => S.deck.polls[S.selected];
