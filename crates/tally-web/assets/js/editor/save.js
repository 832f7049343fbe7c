// Saving: a deck that exists is replaced with `PUT …/deck` and the
// revision it was edited from (`If-Match`), so nobody overwrites someone
// else's edit unseen; a new deck is created from a deck file. Each refusal
// is said in plain words with what to do next, never the server's English.
import { t, errorText } from '../i18n.js';
import { remember, decks, tokenOf } from '../deck.js';
import { S, ui, bodyOf, allErrors, dirty } from './state.js';
import { putPoll, deckFile, fromFields } from './model.js';
import { getDeck, exportDeck, putDeck, importDeck, patchTitle, download, fileName } from './net.js';

// Poll ids Tally gave the editor's slides (by the slide's uid), so that an
// undo back past a save still edits the saved polls rather than adding
// copies.
export const idOf = new Map();
// The polls as last loaded or saved, by id: what a refusal talks about.
const savedPolls = new Map();
export const keepSaved = (polls) => {
  savedPolls.clear();
  for (const p of polls) if (p.poll_id) savedPolls.set(p.poll_id, JSON.parse(JSON.stringify(p)));
};

export function withIds(polls) {
  for (const p of polls) {
    if (!p.poll_id && idOf.has(p.uid)) p.poll_id = idOf.get(p.uid);
  }
  return polls;
}

// The token of a presentation this browser already holds, so that a new
// one joins the same presenter's list (as home.js does).
export function heldToken() {
  for (const d of decks()) {
    const token = tokenOf(d.id);
    if (token) return token;
  }
  return null;
}

const notice = (kind, text, actions = []) => { S.notice = { kind, text, actions }; };

// Loads the deck from Tally: its revision and polls, with the quiz answers
// from the export (the deck read leaves them out, as every read before the
// results does); both reads must agree, else they are read again.
export async function loadDeck() {
  for (let attempt = 0; ; attempt++) {
    const { data } = await getDeck(S.id, S.token);
    const file = await exportDeck(S.id, S.token);
    const same = file.polls.length === data.polls.length && file.polls.every((p, i) => p.question === data.polls[i].question);
    if (!same && attempt < 3) continue;
    const polls = data.polls.map((p, i) => fromFields(p, (same && file.polls[i].settings && file.polls[i].settings.correct) || []));
    for (const p of polls) idOf.set(p.uid, p.poll_id);
    keepSaved(polls);
    return { revision: data.revision, current: data.current_poll_index, polls, title: file.title || '', filter: file.profanity_filter };
  }
}

function refused(e) {
  const code = e.code;
  const p = e.problem || {};
  if (code === 'deck_changed') {
    notice('error', () => t('editor-stale', { revision: p.current_revision ?? '?' }), [
      ['editor-load-latest', reloadLatest],
    ]);
  } else if (code === 'poll_has_votes' && p.edit !== 'poll_removed' && !S.resets.has(p.poll_id)) {
    // Said with the slide's number and the option's text as the presenter
    // sees them now (the problem names the slide in the saved order, and
    // the option by its key).
    const at = S.deck.polls.findIndex((x) => x.poll_id === p.poll_id);
    const slide = at >= 0 ? at + 1 : p.slide;
    const before = savedPolls.get(p.poll_id);
    const option = (before && p.option && before.options.find((o) => o.key === p.option)?.value) || p.option || '';
    const known = ['option_removed', 'type', 'rules'].includes(p.edit);
    notice('error', () => t('editor-has-votes', { slide, what: t(known ? `editor-edit-${p.edit}` : 'editor-edit-other', { option }) }), [
      ['editor-new-round', () => { S.resets.add(p.poll_id); save(); }],
      ['editor-undo', () => ui.undo()],
    ]);
  } else if (code === 'poll_has_votes') {
    const at = S.deck.polls.findIndex((x) => x.poll_id === p.poll_id);
    notice('error', () => t(p.edit === 'poll_removed' ? 'editor-cannot-remove' : 'editor-cannot-change', { slide: at >= 0 ? at + 1 : p.slide }), [['editor-undo', () => ui.undo()]]);
  } else if (code === 'poll_on_screen') {
    notice('error', () => t('editor-on-screen-refused', { slide: (S.currentIndex ?? 0) + 1 }), [['editor-undo', () => ui.undo()]]);
  } else if (code === 'unknown_poll') {
    notice('error', () => errorText(e), [['editor-load-latest', reloadLatest]]);
  } else {
    notice('error', () => t('editor-refused', { reason: errorText(e) }));
  }
}

// The deck as saved now, replacing the edits (which stay one undo away).
export async function reloadLatest(quiet = false) {
  S.busy = true;
  ui.render();
  try {
    const loaded = await loadDeck();
    S.history.before();
    S.deck.polls = loaded.polls;
    S.revision = loaded.revision;
    S.currentIndex = loaded.current;
    S.saved = bodyOf();
    S.selected = Math.min(S.selected, S.deck.polls.length - 1);
    S.resets.clear();
    S.history.dropDraft();
    S.onScreenId = loaded.polls[loaded.current]?.poll_id;
    notice('ok', () => t(quiet === true ? 'editor-updated-elsewhere' : 'editor-reloaded', { revision: loaded.revision }));
  } catch (e) {
    notice('error', () => t('editor-refused', { reason: errorText(e) }));
  }
  S.busy = false;
  ui.render(quiet === true ? undefined : 'notice');
}

export async function save() {
  if (S.busy) return;
  const errs = allErrors();
  if (errs.length) {
    S.showAll = true;
    S.notice = null;
    ui.render('error-summary');
    return;
  }
  if (S.mode === 'new') return create();
  S.busy = true;
  notice('info', () => t('editor-saving'));
  ui.render();
  const sent = S.deck.polls.map((p) => p.uid);
  try {
    if (bodyOf() !== S.saved || S.resets.size) {
      const { data } = await putDeck(S.id, S.token, S.revision, S.deck.polls.map((p) => putPoll(p, S.resets)));
      S.revision = data.revision;
      S.currentIndex = data.current_poll_index;
      S.onScreenId = data.polls[data.current_poll_index]?.poll_id;
      data.polls.forEach((p, i) => idOf.set(sent[i], p.poll_id));
      const rounds = new Map(data.polls.map((p) => [p.poll_id, p.round]));
      for (const p of withIds(S.deck.polls)) if (rounds.has(p.poll_id)) p.round = rounds.get(p.poll_id);
    }
    if ((S.deck.title || '').trim() !== (S.savedTitle || '').trim()) {
      await patchTitle(S.id, S.token, S.deck.title);
      S.savedTitle = S.deck.title;
      const held = decks().find((d) => d.id === S.id);
      if (held && S.deck.title.trim()) remember({ ...held, title: S.deck.title.trim() }, tokenOf(S.id));
    }
    S.saved = bodyOf();
    keepSaved(S.deck.polls);
    S.resets.clear();
    S.showAll = false;
    if (!dirty()) S.history.dropDraft();
    notice('ok', () => t('editor-saved', { revision: S.revision }));
  } catch (e) {
    refused(e);
  }
  S.busy = false;
  ui.render('notice');
}

async function create() {
  S.busy = true;
  notice('info', () => t('editor-creating'));
  ui.render();
  try {
    const made = await importDeck(deckFile(S.deck), heldToken());
    remember({
      id: made.presentation_id,
      join_code: made.join_code,
      title: S.deck.title.trim() || S.deck.polls[0].question.trim(),
      created_at: new Date().toISOString(),
    }, made.presenter_token);
    S.history.dropDraft();
    location.assign(`/edit/${made.presentation_id}`);
  } catch (e) {
    S.busy = false;
    refused(e);
    ui.render('notice');
  }
}

export async function exportFile() {
  try {
    // Unsaved edits are in the file too: it is the deck as shown.
    const doc = dirty() ? deckFile({ ...S.deck, profanity_filter: S.filter }) : await exportDeck(S.id, S.token);
    download(doc, fileName(S.deck.title || S.deck.polls[0]?.question));
    notice('ok', () => t(dirty() ? 'editor-exported-unsaved' : 'editor-exported'));
  } catch (e) {
    notice('error', () => t('editor-refused', { reason: errorText(e) }));
  }
  ui.render('notice');
}

// A copy of the saved deck as a new presentation (export, then import).
export async function duplicateDeck() {
  S.busy = true;
  ui.render();
  try {
    const doc = await exportDeck(S.id, S.token);
    doc.title = t('editor-copy-title', { title: doc.title || S.deck.polls[0]?.question.trim() || '' }).slice(0, 120);
    const made = await importDeck(doc, S.token);
    remember({ id: made.presentation_id, join_code: made.join_code, title: doc.title, created_at: new Date().toISOString() }, made.presenter_token);
    notice('ok', () => t(dirty() ? 'editor-duplicated-deck-unsaved' : 'editor-duplicated-deck', { code: made.join_code }), [
      ['editor-open-copy', () => location.assign(`/edit/${made.presentation_id}`)],
    ]);
  } catch (e) {
    notice('error', () => t('editor-refused', { reason: errorText(e) }));
  }
  S.busy = false;
  ui.render('notice');
}
