// Draws a poll's results, for each type, into a container. Used by the
// presenter console and the big screen. Bars are updated in place (only
// their width and numbers change), so ten updates a second animate
// smoothly instead of rebuilding the page.
import { h, fill } from './dom.js';
import { layoutCloud } from './cloud.js';

export const pollType = (r) => r.poll_type || r.type || 'single';

const pct = (n, total) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);
const fmt = (x) => (x == null ? '–' : Number(x).toFixed(2).replace(/\.?0+$/, ''));

// Keyed bar rows: a row per option, reused across updates.
function bars(container, rows) {
  let list = container.querySelector(':scope > ul.bars');
  if (!list) {
    list = h('ul', { class: 'bars' });
    fill(container, list);
  }
  const seen = new Set();
  rows.forEach((row, i) => {
    seen.add(row.key);
    let li = list.querySelector(`:scope > li[data-key="${CSS.escape(row.key)}"]`);
    if (!li) {
      li = h('li', { 'data-key': row.key },
        h('div', { class: 'bar-label' }, h('span', { class: 'bar-name' }), h('span', { class: 'bar-value' })),
        h('div', { class: 'bar-track', 'aria-hidden': 'true' }, h('div', { class: 'bar-fill' })));
    }
    if (list.children[i] !== li) list.insertBefore(li, list.children[i] || null);
    li.querySelector('.bar-name').textContent = row.label;
    li.querySelector('.bar-value').textContent = row.value;
    const bar = li.querySelector('.bar-fill');
    bar.style.width = `${Math.max(0, Math.min(100, row.share))}%`;
    bar.classList.toggle('correct', !!row.correct);
  });
  for (const li of [...list.children]) if (!seen.has(li.dataset.key)) li.remove();
}

function choice(container, r) {
  const total = r.total_votes || 0;
  const correct = new Set(r.correct || []);
  bars(container, (r.options || []).map((o) => ({
    key: o.key,
    label: `${correct.has(o.key) ? '✓ ' : ''}${o.value}`,
    value: `${o.votes} (${pct(o.votes, total)}%)`,
    share: pct(o.votes, Math.max(1, ...(r.options || []).map((x) => x.votes))),
    correct: correct.has(o.key),
  })));
}

function scale(container, r, poll) {
  const min = (poll && poll.scale && poll.scale.min) || 1;
  const max = (poll && poll.scale && poll.scale.max) || 5;
  const values = [];
  for (let v = min; v <= max; v++) values.push(v);
  fill(container, (r.options || []).map((o) => {
    const peak = Math.max(1, ...values.map((v) => (o.distribution || {})[v] || 0));
    const cols = values.map((v) => {
      const d = h('div', { title: `${v}: ${(o.distribution || {})[v] || 0}` });
      d.style.height = `${(((o.distribution || {})[v] || 0) / peak) * 100}%`;
      return d;
    });
    return h('div', { class: 'card' },
      h('div', { class: 'bar-label' }, h('span', {}, o.value), h('span', {}, `mean ${fmt(o.mean)} · median ${fmt(o.median)} · ${o.count} rated`)),
      h('div', { class: 'dist', 'aria-hidden': 'true' }, cols),
      h('div', { class: 'dist-axis', 'aria-hidden': 'true' }, values.map((v) => h('span', {}, v))));
  }));
}

function ranking(container, r) {
  const top = Math.max(1, ...(r.options || []).map((o) => o.borda));
  bars(container, (r.options || []).map((o, i) => ({
    key: o.key,
    label: `${i + 1}. ${o.value}`,
    value: `${o.borda} Borda points · mean position ${fmt(o.mean_position)}`,
    share: (o.borda / top) * 100,
  })));
}

function points(container, r) {
  const top = Math.max(1, ...(r.options || []).map((o) => o.points));
  bars(container, (r.options || []).map((o) => ({
    key: o.key,
    label: o.value,
    value: `${o.points} points · mean ${fmt(o.mean)}`,
    share: (o.points / top) * 100,
  })));
}

function words(container, r) {
  const shown = (r.words || []).filter((w) => !w.hidden);
  let cloud = container.querySelector(':scope > .cloud');
  if (!cloud) {
    cloud = h('div', { class: 'cloud', role: 'img' });
    fill(container, cloud);
  }
  cloud.setAttribute('aria-label', shown.length
    ? `Word cloud: ${shown.slice(0, 10).map((w) => `${w.word} ${w.count}`).join(', ')}`
    : 'Word cloud: no words yet');
  layoutCloud(cloud, shown);
}

function entries(container, r) {
  const shown = (r.entries || []).filter((e) => !e.hidden);
  fill(container, shown.length
    ? h('ul', { class: 'entries' }, shown.map((e) => h('li', {}, e.text)))
    : h('p', { class: 'muted' }, 'No answers yet.'));
}

export function arrangeQuestions(questions) {
  return [...questions].sort((a, b) => (b.pinned - a.pinned) || (a.answered - b.answered)
    || (b.upvotes - a.upvotes) || String(a.asked_at).localeCompare(String(b.asked_at)));
}

function questions(container, r) {
  const shown = arrangeQuestions((r.questions || []).filter((q) => !q.hidden));
  fill(container, shown.length
    ? h('ol', { class: 'questions' }, shown.map((q) => h('li', {},
      h('span', { class: 'votes' }, `▲ ${q.upvotes}`),
      h('span', { class: 'grow' }, q.text, q.pinned ? h('span', { class: 'tag' }, ' pinned') : null,
        q.answered ? h('span', { class: 'tag' }, ' answered') : null))))
    : h('p', { class: 'muted' }, 'No questions yet.'));
}

const DRAW = {
  single: choice, multiple: choice, quiz: choice, scale, ranking, points,
  wordcloud: words, open: entries, qa: questions,
};

// Draws `r` (a results body) into `container`; `poll` is the poll as the
// state carries it (for the scale's range).
export function drawResults(container, r, poll) {
  const type = pollType(r);
  if (container.dataset.type !== type || container.dataset.poll !== r.poll_id) {
    container.replaceChildren();
    container.dataset.type = type;
    container.dataset.poll = r.poll_id;
  }
  (DRAW[type] || choice)(container, r, poll);
}

// The quiz leaderboard as a table: the first `limit` standings, with the
// count of correct answers where `withCorrect`.
export function leaderboardTable(rows, { limit, withCorrect }) {
  if (!rows.length) return h('p', { class: 'muted' }, 'No scores yet.');
  const head = ['Rank', 'Name', 'Score', ...(withCorrect ? ['Correct'] : [])];
  return h('table', { id: 'leaderboard-table' },
    h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.slice(0, limit).map((s) => h('tr', {},
      [s.rank, s.name, s.score, ...(withCorrect ? [s.correct] : [])].map((c) => h('td', {}, c))))));
}

// One sentence for a screen reader, naming what leads.
export function summary(r) {
  const type = pollType(r);
  const n = r.participants || 0;
  const lead = (() => {
    switch (type) {
      case 'single': case 'multiple': case 'quiz':
        return (r.options || []).map((o) => `${o.value} ${o.votes}`).join(', ');
      case 'ranking': return (r.options || []).slice(0, 3).map((o) => `${o.value} ${o.borda} points`).join(', ');
      case 'points': return (r.options || []).map((o) => `${o.value} ${o.points} points`).join(', ');
      case 'scale': return (r.options || []).map((o) => `${o.value} mean ${fmt(o.mean)}`).join(', ');
      case 'wordcloud': return (r.words || []).filter((w) => !w.hidden).slice(0, 3).map((w) => `${w.word} ${w.count}`).join(', ');
      case 'open': return `${(r.entries || []).filter((e) => !e.hidden).length} answers`;
      case 'qa': return `${(r.questions || []).filter((q) => !q.hidden).length} questions`;
      default: return '';
    }
  })();
  return `${n} ${n === 1 ? 'participant' : 'participants'}. ${lead}`;
}
