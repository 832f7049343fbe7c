// Undo and redo over the deck being edited, and its draft kept in local
// storage after every change, so that a reload (or a crashed laptop) loses
// nothing that was not saved. Snapshots are whole decks as JSON: a deck is
// at most a few hundred kilobytes, and a snapshot cannot miss a field.
import { store } from '../dom.js';

const DEPTH = 100;
// Keystrokes in one field within this long are one undo step, as in a
// word processor: Ctrl+Z takes back the word, not a letter.
const TYPING_MS = 1200;

export class History {
  constructor(draftKey, snapshot) {
    this.draftKey = draftKey;
    this.snapshot = snapshot; // () => the state to keep, as a plain object
    this.undos = [];
    this.redos = [];
    this.lastField = null;
    this.lastAt = 0;
  }

  // Call before a change. `field` names a typing burst (the field's id);
  // a structural change (a slide moved, an option added) passes none.
  before(field = null) {
    const now = Date.now();
    if (field && field === this.lastField && now - this.lastAt < TYPING_MS) {
      this.lastAt = now;
      return;
    }
    this.undos.push(JSON.stringify(this.snapshot()));
    if (this.undos.length > DEPTH) this.undos.shift();
    this.redos = [];
    this.lastField = field;
    this.lastAt = now;
  }

  // The state to go back to, or null. `current` is kept for redo.
  undo() {
    if (!this.undos.length) return null;
    this.redos.push(JSON.stringify(this.snapshot()));
    this.lastField = null;
    return JSON.parse(this.undos.pop());
  }

  redo() {
    if (!this.redos.length) return null;
    this.undos.push(JSON.stringify(this.snapshot()));
    this.lastField = null;
    return JSON.parse(this.redos.pop());
  }

  get canUndo() { return this.undos.length > 0; }

  get canRedo() { return this.redos.length > 0; }

  keepDraft(extra = {}) {
    try {
      store.set(this.draftKey, { ...this.snapshot(), ...extra, saved_at: new Date().toISOString() });
      return true;
    } catch {
      // Storage full or off: the edit stays in the page, unsaved.
      return false;
    }
  }

  draft() {
    return store.get(this.draftKey);
  }

  dropDraft() {
    store.remove(this.draftKey);
  }
}
