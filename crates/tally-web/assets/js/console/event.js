// The event's settings the console itself uses (GET …/settings): its
// title, for the heading, and "hide results until voting closes", a
// switch kept beside the results toggle, where the presenter decides what
// the room sees. The settings are fetched again whenever the live state's
// `settings_rev` moves (another console, or the settings panel below).
import { h, fill } from '../dom.js';
import { t } from '../i18n.js';
import { ctx, call, act, may } from './context.js';
import { drawSettings } from './people.js';

let revision = null;
let onTitle = () => {};

// `fn(title)` is called when the event's title is known or changes.
export const whenTitled = (fn) => { onTitle = fn; };

function drawHold() {
  const el = document.getElementById('hold-option');
  if (!el) return;
  const settings = ctx.settings;
  if (!settings || !may('run')) {
    fill(el);
    return;
  }
  const box = h('input', {
    type: 'checkbox', id: 'hide-until-closed', checked: !!settings.hide_results_until_closed,
    'aria-describedby': 'hold-hint',
    onchange: (e) => act('console-action-settings', async () => {
      ctx.settings = await call('PATCH', '/settings', { hide_results_until_closed: e.target.checked });
      drawHold();
      if (may('own')) drawSettings();
    }),
  });
  fill(el,
    h('label', { class: 'check', for: 'hide-until-closed' }, box, ' ', t('console-hold')),
    h('p', { class: 'status', id: 'hold-hint' }, t('console-hold-hint')));
}

async function load() {
  try {
    ctx.settings = await call('GET', '/settings');
  } catch {
    ctx.settings = null; // an older Tally without settings: no switch
  }
  drawHold();
  if (ctx.settings && ctx.settings.title) onTitle(ctx.settings.title);
}

// Called with each state, and after the console is drawn again.
export function followSettings(redraw = false) {
  const rev = ctx.state && ctx.state.settings_rev != null ? ctx.state.settings_rev : 0;
  if (revision === null || rev !== revision) {
    revision = rev;
    load();
  } else if (redraw) {
    drawHold();
  }
}
