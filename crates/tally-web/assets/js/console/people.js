// Setting the event up for other people: the presenter key to copy (to
// run the show from a second computer, such as the venue's PC), the links
// for a read-only screen, a co-presenter and a moderator (links.js), and
// the event's settings (brand.js). Only the presentation's owner sees
// these: a co-host's key is not the presenter key.
import { h, fill } from '../dom.js';
import { t } from '../i18n.js';
import { linksPanel } from '../links.js';
import { settingsPanel } from '../brand.js';
import { ctx } from './context.js';

async function copy(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (a plain-http venue network): copy the selection.
    const type = input.type;
    input.type = 'text';
    input.select();
    const done = document.execCommand('copy');
    input.type = type;
    return done;
  }
}

function keyPanel() {
  const input = h('input', { id: 'presenter-key', type: 'password', readonly: true, value: ctx.token, autocomplete: 'off', spellcheck: 'false', dir: 'ltr' });
  const status = h('p', { class: 'status', id: 'key-status', role: 'status' });
  const reveal = h('button', { type: 'button', class: 'secondary small', id: 'show-key', 'aria-pressed': 'false', 'aria-controls': 'presenter-key', onclick: () => {
    const shown = input.type === 'password';
    input.type = shown ? 'text' : 'password';
    reveal.setAttribute('aria-pressed', String(shown));
  } }, t('console-key-show'));
  return h('div', { class: 'stack key-panel' },
    h('h3', { id: 'key-h' }, t('console-key-title')),
    h('p', { id: 'key-hint' }, t('console-key-hint')),
    h('label', { for: 'presenter-key', class: 'visually-hidden' }, t('console-key-title')),
    h('div', { class: 'row key-row' }, input, reveal,
      h('button', { type: 'button', id: 'copy-key', 'aria-describedby': 'key-hint', onclick: async () => {
        fill(status, (await copy(ctx.token, input)) ? t('console-key-copied') : t('console-key-copy-failed'));
      } }, t('console-key-copy'))),
    status);
}

// The event's settings form (brand.js). Drawn afresh after the console's
// own "hide results until voting closes" switch changes a setting, so the
// form never shows a stale value.
export function drawSettings() {
  const el = document.getElementById('settings-slot');
  if (el) fill(el, settingsPanel(ctx.id, ctx.token));
}

export function drawPeople() {
  const key = document.getElementById('key-panel');
  if (key) fill(key, keyPanel());
  const links = document.getElementById('links-slot');
  if (links) fill(links, linksPanel(ctx.id, ctx.token));
  drawSettings();
}
