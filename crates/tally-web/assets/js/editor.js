// The deck editor: /new (a deck not created yet) and /edit/{id} (a deck
// that exists, live or not). See js/editor/ for its parts.
import { h, fill } from './dom.js';
import { loadLocale, t, errorText, locale } from './i18n.js';
import { tokenOf, askForToken, presenterProtocols } from './deck.js';
import { follow } from './live.js';
import { S, ui, bodyOf, dirty } from './editor/state.js';
import { History } from './editor/history.js';
import { render } from './editor/app.js';
import { loadDeck, withIds, reloadLatest } from './editor/save.js';

const app = document.getElementById('app');
const m = location.pathname.match(/^\/edit\/([0-9a-f-]{36})\/?$/i);
const snapshot = () => ({ deck: S.deck, selected: S.selected, started: S.started, revision: S.revision });

async function start() {
  await loadLocale(undefined, ['editor']);
  if (!m) {
    S.mode = 'new';
    S.history = new History('tally.editor.new', snapshot);
    const draft = S.history.draft();
    if (draft && draft.deck && draft.deck.polls && draft.deck.polls.length) {
      S.deck = draft.deck;
      S.selected = Math.min(draft.selected || 0, S.deck.polls.length - 1);
      S.started = draft.started !== false;
    }
    render();
    return;
  }
  S.mode = 'edit';
  S.id = m[1].toLowerCase();
  S.token = tokenOf(S.id);
  if (!S.token) {
    await askForToken(app, S.id, t('editor-heading-edit'));
    return;
  }
  S.history = new History(`tally.editor.${S.id}`, snapshot);
  let loaded;
  try {
    loaded = await loadDeck();
  } catch (e) {
    if (e.status === 401 || e.status === 403) {
      await askForToken(app, S.id, t('editor-heading-edit'));
      return;
    }
    fill(app, h('h1', {}, t('editor-heading-edit')), h('p', { class: 'notice error', role: 'alert' }, errorText(e)), h('p', {}, h('a', { href: '/' }, t('editor-home'))));
    return;
  }
  S.deck = { title: loaded.title, polls: loaded.polls };
  S.filter = loaded.filter;
  S.savedTitle = loaded.title;
  S.revision = loaded.revision;
  S.currentIndex = loaded.current;
  S.onScreenId = loaded.polls[loaded.current]?.poll_id;
  S.saved = bodyOf();
  // Edits not saved before the page was left (or crashed) come back, with
  // the revision they were made on: if someone saved since, Save says so
  // rather than overwrite.
  const draft = S.history.draft();
  if (draft && draft.deck && draft.deck.polls && draft.deck.polls.length) {
    const loadedDeck = S.deck;
    S.deck = draft.deck;
    withIds(S.deck.polls);
    if (bodyOf() !== S.saved || (S.deck.title || '') !== S.savedTitle) {
      S.revision = draft.revision ?? S.revision;
      S.selected = Math.min(draft.selected || 0, S.deck.polls.length - 1);
      S.notice = { kind: 'info', text: () => t('editor-draft-restored', { when: new Date(draft.saved_at).toLocaleTimeString(locale()) }), actions: [['editor-discard-draft', () => {
        S.history.dropDraft();
        location.reload();
      }]] };
    } else {
      S.deck = loadedDeck;
      S.history.dropDraft();
    }
  }
  render();
  followDeck();
}

// The live channel says when the deck changed elsewhere (`deck_rev`) and
// which slide is on screen. Without unsaved edits the editor takes the
// new version at once; with some it says so before Save would be refused.
function followDeck() {
  let warned = 0;
  follow(`/presentations/${S.id}/live`, {
    protocols: presenterProtocols(S.token),
    eventsPath: `/presentations/${S.id}/events`,
    onMessage: (msg) => {
      if (msg.type !== 'state') return;
      if (msg.poll && msg.poll.poll_id && msg.poll.poll_id !== S.onScreenId) {
        S.onScreenId = msg.poll.poll_id;
        ui.changed();
      }
      const rev = msg.deck_rev;
      if (typeof rev !== 'number' || S.busy || rev <= S.revision || rev <= warned) return;
      warned = rev;
      if (!dirty()) {
        reloadLatest(true);
        return;
      }
      S.notice = { kind: 'error', text: () => t('editor-changed-elsewhere', { revision: rev }), actions: [['editor-load-latest', reloadLatest]] };
      render();
    },
  });
}

addEventListener('localechange', () => { if (S.history) render('locale-switch'); });
start();
