// The big-screen leaderboard of a published round
// (`/reveal/{contest}/{round}`), revealed place by place at the
// organiser's pace: → or Space shows the next place, from the last up to
// the winner ("and in third place…"); ← takes one back. It reads only the
// published results, which anyone may read, so it needs no secret.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { contestIdIn } from './contest-key.js';

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
const partedBy = (s) => (s.parted_by === 'audience' ? 'the audience vote' : s.parted_by);

const ordinal = (n) => ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n - 1] || `${n}th`;

function draw(title) {
  const order = [...results.standings].reverse();
  const decimals = decimalsFor(results.standings);
  const revealed = order.slice(0, shown);
  const latest = revealed[revealed.length - 1];
  fill(app,
    h('header', {}, h('span', {}, title), h('span', { class: 'tag' }, results.round)),
    h('div', { class: 'stage reveal' },
      h('p', { id: 'announce', class: 'announce', 'aria-live': 'polite' },
        latest ? `And in ${ordinal(latest.rank)} place… ${latest.name}` : 'The results'),
      h('ol', { class: 'places', id: 'places' }, [...revealed].reverse().map((s) => h('li', {},
        h('span', { class: 'place' }, `${s.rank}.`),
        h('span', { class: 'grow' }, s.name,
          s.parted_by ? h('span', { class: 'parted' }, ` · level with the place above, placed by ${partedBy(s)}`) : null),
        h('span', { title: s.adjusted || '' }, s.adjusted == null ? '–' : Number(s.adjusted).toFixed(decimals))))),
      h('p', { class: 'muted digest' }, `Digest ${results.digest}`),
      h('div', { class: 'row' },
        h('button', { id: 'next-place', onclick: () => move(1), disabled: shown >= order.length }, 'Next place'),
        h('button', { class: 'secondary', onclick: () => move(-1), disabled: shown === 0 }, 'Back'))));
}

let title = '';
function move(by) {
  shown = Math.max(0, Math.min(results.standings.length, shown + by));
  draw(title);
}

async function start() {
  try {
    title = (await api('GET', `/contests/${id}`)).title;
    results = await api('GET', `/contests/${id}/rounds/${roundId}/results`);
  } catch (e) {
    fill(app, h('h1', {}, 'Results'), h('p', { class: 'notice error', role: 'alert' },
      e.status === 401 ? 'This round is not published yet. Publish it, then reload.' : e.message));
    return;
  }
  draw(title);
  document.addEventListener('keydown', (e) => {
    if (e.target.closest && e.target.closest('button')) return;
    if (e.key === 'ArrowRight' || e.key === ' ') { e.preventDefault(); move(1); }
    if (e.key === 'ArrowLeft') { e.preventDefault(); move(-1); }
  });
}

start();
