// Draws a poll's results, for each type, into a container. Used by the
// presenter console and the big screen. Bars are updated in place (only
// their width and numbers change), so ten updates a second animate
// smoothly instead of rebuilding the page.
import { h, fill } from './dom.js';
import { layoutCloud } from './cloud.js';
import { t, num } from './i18n.js';

export const pollType = (r) => r.poll_type || r.type || 'single';

const pct = (n, total) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);
// Means and medians with at most two decimals, as the page's language
// writes them (English: 4.33, 4).
const fmt = (x) => (x == null ? '–' : num(Number(x), { maximumFractionDigits: 2 }));

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
        h('div', { class: 'bar-label' }, h('span', { class: 'bar-name', dir: 'auto' }), h('span', { class: 'bar-value' })),
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
    value: t('results-votes', { votes: num(o.votes), pct: num(pct(o.votes, total)) }),
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
      const d = h('div', { title: t('results-scale-count', { value: num(v), count: num((o.distribution || {})[v] || 0) }) });
      d.style.height = `${(((o.distribution || {})[v] || 0) / peak) * 100}%`;
      return d;
    });
    return h('div', { class: 'card' },
      h('div', { class: 'bar-label' }, h('span', { dir: 'auto' }, o.value), h('span', {}, t('results-scale-line', { mean: fmt(o.mean), median: fmt(o.median), n: num(o.count || 0) }))),
      h('div', { class: 'dist', 'aria-hidden': 'true' }, cols),
      h('div', { class: 'dist-axis', 'aria-hidden': 'true' }, values.map((v) => h('span', {}, num(v)))));
  }));
}

function ranking(container, r) {
  const top = Math.max(1, ...(r.options || []).map((o) => o.borda));
  bars(container, (r.options || []).map((o, i) => ({
    key: o.key,
    label: `${num(i + 1)}. ${o.value}`,
    value: t('results-ranking-line', { points: num(o.borda), mean: fmt(o.mean_position) }),
    share: (o.borda / top) * 100,
  })));
}

function points(container, r) {
  const top = Math.max(1, ...(r.options || []).map((o) => o.points));
  bars(container, (r.options || []).map((o) => ({
    key: o.key,
    label: o.value,
    value: t('results-points-line', { points: num(o.points), mean: fmt(o.mean) }),
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
    ? t('results-cloud-label', { words: shown.slice(0, 10).map((w) => `${w.word} ${num(w.count)}`).join(', ') })
    : t('results-cloud-empty'));
  layoutCloud(cloud, shown);
}

function entries(container, r) {
  const shown = (r.entries || []).filter((e) => !e.hidden);
  fill(container, shown.length
    ? h('ul', { class: 'entries' }, shown.map((e) => h('li', { dir: 'auto' }, e.text)))
    : h('p', { class: 'muted' }, t('results-no-answers')));
}

export function arrangeQuestions(questions) {
  return [...questions].sort((a, b) => (b.pinned - a.pinned) || (a.answered - b.answered)
    || (b.upvotes - a.upvotes) || String(a.asked_at).localeCompare(String(b.asked_at)));
}

function questions(container, r) {
  const shown = arrangeQuestions((r.questions || []).filter((q) => !q.hidden));
  fill(container, shown.length
    ? h('ol', { class: 'questions' }, shown.map((q) => h('li', {},
      h('span', { class: 'votes' }, `▲ ${num(q.upvotes)}`),
      h('span', { class: 'grow' }, q.text, q.pinned ? h('span', { class: 'tag' }, ` ${t('results-pinned')}`) : null,
        q.answered ? h('span', { class: 'tag' }, ` ${t('results-answered')}`) : null))))
    : h('p', { class: 'muted' }, t('results-no-questions')));
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
  if (!rows.length) return h('p', { class: 'muted' }, t('results-no-scores'));
  const head = [t('results-rank'), t('results-name'), t('results-score'), ...(withCorrect ? [t('results-correct')] : [])];
  return h('table', { id: 'leaderboard-table' },
    h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.slice(0, limit).map((s) => h('tr', {},
      [num(s.rank), s.name, num(s.score), ...(withCorrect ? [num(s.correct)] : [])].map((c, i) => h('td', i === 1 ? { dir: 'auto' } : {}, c))))));
}

// One sentence for a screen reader, naming what leads.
export function summary(r) {
  const type = pollType(r);
  const n = r.participants || 0;
  const lead = (() => {
    switch (type) {
      case 'single': case 'multiple': case 'quiz':
        return (r.options || []).map((o) => `${o.value} ${num(o.votes)}`).join(', ');
      case 'ranking': return (r.options || []).slice(0, 3).map((o) => t('results-summary-points', { option: o.value, points: num(o.borda) })).join(', ');
      case 'points': return (r.options || []).map((o) => t('results-summary-points', { option: o.value, points: num(o.points) })).join(', ');
      case 'scale': return (r.options || []).map((o) => t('results-summary-mean', { option: o.value, mean: fmt(o.mean) })).join(', ');
      case 'wordcloud': return (r.words || []).filter((w) => !w.hidden).slice(0, 3).map((w) => `${w.word} ${num(w.count)}`).join(', ');
      case 'open': return t('results-summary-answers', { n: (r.entries || []).filter((e) => !e.hidden).length });
      case 'qa': return t('results-summary-questions', { n: (r.questions || []).filter((q) => !q.hidden).length });
      default: return '';
    }
  })();
  // `n` stays a number: Fluent picks the plural form (Arabic has six) from it.
  return t('results-summary', { n, lead });
}
