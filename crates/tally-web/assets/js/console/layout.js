// The console's frame. On a laptop (1280×720 and up) it is one screen
// that never scrolls as a whole: a bar with the join code and the
// audience, then three columns, each scrolling inside itself if it must:
// the slide on screen with its results; the run column (a large Next,
// the next slide's preview, voting, results, the timer with its live
// countdown, reset, the keys); and the presenter's notes over the
// moderation queue. What is set up once per event (past rounds, the links
// for other people, the event's settings, the presenter key) sits below.
// On a narrow window the columns stack.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { localeSwitch } from '../locale-switch.js';
import { ctx, may } from './context.js';

const kbd = (key) => h('kbd', { class: 'kbd' }, key);

// The keys, written on the page as well as in aria-keyshortcuts.
function keyLegend() {
  const item = (keys, what) => h('li', {}, keys, ' ', what);
  return h('section', { class: 'keys-part', 'aria-labelledby': 'keys-h' },
    h('h3', { id: 'keys-h' }, t('console-keys')),
    h('ul', { class: 'keys', id: 'keys' },
      item([kbd('→'), ' ', kbd('PgDn')], t('console-key-next')),
      item([kbd('←'), ' ', kbd('PgUp')], t('console-key-previous')),
      item(kbd(t('console-key-space-name')), t('console-key-voting')),
      item(kbd('R'), t('console-key-results'))),
    h('p', { class: 'status' }, t('console-keys-note')));
}

// `on` holds the actions: next, previous, goTo(index), toggleVoting,
// toggleResults, reset, timer(seconds).
export function layout(app, on, title) {
  const run = may('run');
  // A contest's co-host and a presentation's run link run the show; a
  // contest's moderator and a moderate link moderate.
  const role = {
    cohost: t('console-role-cohost'), run: t('console-role-cohost'),
    moderator: t('console-role-moderator'), moderate: t('console-role-moderator'),
  }[ctx.access.role] || '';
  app.replaceChildren(h('div', { class: 'console-top' },
    h('header', { class: 'console-bar' },
      h('div', { class: 'bar-title' },
        h('h1', { id: 'console-title' }, title ? h('span', { dir: 'auto' }, title) : t('console-title')),
        role ? h('span', { class: 'tag', id: 'role-tag' }, role) : null),
      h('div', { class: 'join-chip', id: 'join' }),
      h('span', { class: 'tag audience', id: 'audience', role: 'status' }, t('console-audience-unknown')),
      h('span', { class: 'status conn', id: 'conn', role: 'status' }),
      h('nav', { class: 'bar-links', 'aria-label': t('console-nav') },
        h('a', { class: 'button secondary', href: `/screen/${ctx.id}`, target: '_blank', rel: 'noopener', id: 'open-screen' }, t('console-open-screen')),
        h('a', { href: '/', id: 'all-presentations' }, t('console-all')),
        localeSwitch())),
    h('div', { id: 'message', role: 'alert' }),
    run ? null : h('p', { class: 'notice', id: 'role-note' }, t('console-moderator-note')),
    h('div', { class: `console-grid${run ? '' : ' moderate-only'}` },
      h('section', { class: 'panel stage-panel', 'aria-labelledby': 'slide-h' },
        h('h2', { id: 'slide-h' }, t('console-on-screen')),
        h('div', { class: 'card', id: 'slide' }),
        h('div', { class: 'results-head' },
          h('h3', { id: 'results-h' }, t('console-results')),
          h('p', { id: 'counts', class: 'status', role: 'status' })),
        h('div', { id: 'results', class: 'results-box', 'aria-labelledby': 'results-h' })),
      run ? h('section', { class: 'panel run-panel', 'aria-labelledby': 'run-h' },
        h('h2', { id: 'run-h', class: 'visually-hidden' }, t('console-run')),
        h('button', { id: 'next', class: 'next-button', onclick: on.next, 'aria-keyshortcuts': 'ArrowRight PageDown', 'aria-describedby': 'next-preview' }, t('console-next')),
        h('div', { id: 'next-preview', class: 'next-preview' }),
        h('div', { class: 'nav-row', id: 'slide-controls' },
          h('button', { id: 'prev', class: 'secondary', onclick: on.previous, 'aria-keyshortcuts': 'ArrowLeft PageUp' }, t('console-previous')),
          h('div', { class: 'goto' },
            h('label', { for: 'goto', class: 'goto-label' }, t('console-goto')),
            h('select', { id: 'goto', onchange: (e) => on.goTo(Number(e.target.value)) }))),
        h('div', { class: 'row pair', id: 'poll-controls' },
          h('button', { id: 'toggle-voting', class: 'secondary', onclick: on.toggleVoting, 'aria-keyshortcuts': 'Space' }),
          h('button', { id: 'toggle-results', class: 'secondary', onclick: on.toggleResults, 'aria-keyshortcuts': 'R' })),
        h('div', { id: 'hold-option' }),
        h('form', { class: 'timer-form', id: 'timer-controls', onsubmit: (e) => {
          e.preventDefault();
          on.timer(Number(document.getElementById('timer-seconds').value));
        } },
        h('label', { for: 'timer-seconds' }, t('console-timer-seconds')),
        h('input', { id: 'timer-seconds', type: 'number', min: 1, max: 86400, value: 30, inputmode: 'numeric' }),
        h('button', { type: 'submit', class: 'secondary', id: 'timer-start' }, t('console-timer-start')),
        h('button', { type: 'button', class: 'secondary', id: 'timer-stop', onclick: () => on.timer(0) }, t('console-timer-stop'))),
        h('button', { id: 'reset', class: 'danger reset', onclick: on.reset }, t('console-reset')),
        keyLegend()) : null,
      h('aside', { class: 'panel side-panel', 'aria-label': t('console-side') },
        run ? h('section', { id: 'notes-panel', 'aria-labelledby': 'notes-h' },
          h('h2', { id: 'notes-h' }, t('console-notes')),
          h('div', { id: 'notes', class: 'notes' })) : null,
        h('section', { id: 'moderation', 'aria-labelledby': 'mod-h' },
          h('h2', { id: 'mod-h' }, t('console-moderation')),
          h('div', { id: 'queue' })),
        h('section', { id: 'board', class: 'hidden', 'aria-labelledby': 'board-h' },
          h('h2', { id: 'board-h' }, t('console-leaderboard')),
          h('div', { id: 'leaderboard' }))))),
    h('div', { class: 'console-more' },
      run ? h('section', { class: 'card', id: 'rounds-panel', 'aria-labelledby': 'rounds-h' },
        h('h2', { id: 'rounds-h' }, t('console-rounds')),
        h('div', { id: 'rounds' })) : null,
      may('own') ? h('section', { class: 'card', id: 'people-panel', 'aria-labelledby': 'people-h' },
        h('h2', { id: 'people-h' }, t('console-people')),
        h('div', { id: 'key-panel' }),
        h('div', { id: 'links-slot' })) : null,
      // The settings form (brand.js) brings its own heading.
      may('own') ? h('div', { class: 'card', id: 'settings-panel' },
        h('div', { id: 'settings-slot' })) : null));
}
