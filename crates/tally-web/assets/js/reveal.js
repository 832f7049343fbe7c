// The big-screen leaderboard of a published round
// (`/reveal/{contest}/{round}`), revealed place by place at the
// organiser's pace: → or Space shows the next place, from the last up to
// the winner ("and in third place…"); ← takes one back. It reads only the
// published results, which anyone may read, so it needs no secret.
// The projector shows the places only: the buttons and the language
// switch appear while the mouse moves or the keyboard focus is on them
// (js/screen/wake.js, screen.css), and the round's digest, for whoever
// checks the results against it, is a small line at the foot.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { contestIdIn } from './contest-key.js';
import { loadLocale, t, num, errorText } from './i18n.js';
import { localeSwitch } from './locale-switch.js';
import { wakeOnActivity } from './screen/wake.js';

const app = document.getElementById('app');
const [id, roundId] = contestIdIn('reveal');
let results = null;
let shown = 0; // places revealed, counted from the last

// Scores as a projector shows them: as few decimals as tell apart every
// two neighbours whose exact scores differ (at least 2, at most the 12
// the API gives), the same for every place.
function decimalsFor(standings) {
  const exact = standings.map((s) => s.adjusted);
  for (let d = 2; d < 12; d++) {
    const shown = exact.map((v) => (v == null ? null : Number(v).toFixed(d)));
    if (shown.every((v, i) => i === 0 || exact[i] === exact[i - 1] || v !== shown[i - 1])) return d;
  }
  return 12;
}

// Why a place sits below an equal score: the tie-break that decided it.
const partedBy = (s) => (s.parted_by === 'audience' ? t('reveal-audience-vote') : s.parted_by);

function draw(title) {
  document.title = t('reveal-page-title');
  const order = [...results.standings].reverse();
  const decimals = decimalsFor(results.standings);
  const revealed = order.slice(0, shown);
  const latest = revealed[revealed.length - 1];
  // Redrawn whole: the focus goes back to the control that had it.
  const focused = document.activeElement && document.activeElement.id;
  fill(app,
    h('header', {}, h('span', { dir: 'auto' }, title), h('span', { class: 'tag', dir: 'auto' }, results.round)),
    h('div', { class: 'stage reveal' },
      h('p', { id: 'announce', class: 'announce', 'aria-live': 'polite' },
        latest ? t('reveal-announce', { rank: latest.rank, name: latest.name }) : t('reveal-the-results')),
      h('ol', { class: 'places', id: 'places' }, [...revealed].reverse().map((s) => h('li', {},
        h('span', { class: 'place' }, t('reveal-place', { rank: s.rank })),
        h('span', { class: 'grow' }, h('bdi', {}, s.name),
          s.parted_by ? h('span', { class: 'parted' }, ' · ', t('reveal-parted', { by: partedBy(s) })) : null),
        h('span', { title: s.adjusted || '' }, s.adjusted == null ? '–'
          : num(Number(s.adjusted), { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false })))))),
    h('footer', { class: 'reveal-foot' }, h('p', { class: 'digest', id: 'digest' }, t('reveal-digest', { digest: results.digest }))),
    h('div', { class: 'row reveal-controls', id: 'reveal-controls' },
      h('button', { id: 'next-place', onclick: () => move(1), disabled: shown >= order.length }, t('reveal-next')),
      h('button', { id: 'previous-place', class: 'secondary', onclick: () => move(-1), disabled: shown === 0 }, t('reveal-back')),
      localeSwitch()));
  const again = focused && document.getElementById(focused);
  if (again && !again.disabled) again.focus();
}

let title = '';
function move(by) {
  shown = Math.max(0, Math.min(results.standings.length, shown + by));
  draw(title);
}

// The page's one notice (not published, not found), in the chosen language.
function refused(e) {
  document.title = t('reveal-page-title');
  fill(app, h('h1', {}, t('reveal-title')), h('p', { class: 'notice error', role: 'alert' },
    e.status === 401 ? t('reveal-not-published') : errorText(e)), localeSwitch());
}

async function start() {
  await loadLocale(undefined, ['reveal']);
  let failed = null;
  addEventListener('localechange', () => {
    if (failed) refused(failed);
    else if (results) draw(title);
    const select = document.getElementById('locale-switch');
    if (select) select.focus();
  });
  try {
    title = (await api('GET', `/contests/${id}`)).title;
    results = await api('GET', `/contests/${id}/rounds/${roundId}/results`);
  } catch (e) {
    failed = e;
    refused(e);
    return;
  }
  app.classList.add('reveal-app');
  draw(title);
  wakeOnActivity();
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const on = e.target.closest ? e.target.closest('button, select') : null;
    // The language switch keeps its arrows, a focused button its Space
    // (it clicks): each key moves once.
    if (on && (on.tagName === 'SELECT' || e.key === ' ')) return;
    if (e.key === 'ArrowRight' || e.key === ' ') { e.preventDefault(); move(1); }
    if (e.key === 'ArrowLeft') { e.preventDefault(); move(-1); }
  });
}

start();
