// What the big screen draws under the question, per poll type: bars,
// each statement's distribution, the ranking, points, open answers, Q&A
// with the question being answered in the spotlight, a quiz with its
// leaderboard, the word cloud; or, before results are shown, the options
// to answer. Rows are keyed and updated in place, so ten updates a second
// only move bars and numbers; `draw` returns a signature of what was laid
// out (items and their words), and the page refits only when it changes.
import { h, fill } from '../dom.js';
import { t, num } from '../i18n.js';
import { layoutCloud } from '../cloud.js';
import { arrangeQuestions } from '../results.js';
import { countTo, flip } from './motion.js';
import { contentBody } from '../content.js';

export const typeOf = (x) => (x && (x.poll_type || x.type)) || 'single';
const round1 = (x) => Math.round(x * 10) / 10;
const round2 = (x) => Math.round(x * 100) / 100;
const fmt2 = (x) => (x == null ? '–' : num(round2(x)));
const pct = (n, total) => (total > 0 ? round1((n / total) * 100) : 0);

// Keyed rows in `list`: made by `make(row)` when new, refreshed by
// `update(li, row)`, in the rows' order (slid there when it changed).
function keyed(list, rows, make, update) {
  const byKey = new Map([...list.children].map((li) => [li.dataset.key, li]));
  const order = rows.map((r) => r.key);
  const same = order.length === list.children.length && order.every((k, i) => list.children[i].dataset.key === k);
  const place = () => {
    rows.forEach((row, i) => {
      let li = byKey.get(row.key);
      if (!li) {
        li = make(row);
        li.dataset.key = row.key;
      }
      if (list.children[i] !== li) list.insertBefore(li, list.children[i] || null);
    });
    const keep = new Set(order);
    for (const li of [...list.children]) if (!keep.has(li.dataset.key)) li.remove();
  };
  if (same) place();
  else if (list.children.length) flip(list, place);
  else place();
  rows.forEach((row, i) => update(list.children[i], row));
}

function listIn(body, tag, cls) {
  let list = body.querySelector(`:scope ${tag}.${cls}`);
  if (!list) {
    list = h(tag, { class: `${cls} fit-list` });
    fill(body, list);
  }
  return list;
}

// Sets a bar's length (a transform, not a width: no layout). A bar grows
// visibly when it jumps (results shown, a rush of votes); the small steps
// of a busy room are set at once, since a transition restarted ten times a
// second keeps the page drawing every frame for a change nobody can see.
function grow(el, axis, share) {
  const to = Math.max(0, Math.min(1, share || 0));
  const from = el.tallyShare ?? 0;
  if (Math.abs(to - from) < 0.001) return;
  el.tallyShare = to;
  const small = Math.abs(to - from) < 0.08;
  if (el.classList.contains('still') !== small) el.classList.toggle('still', small);
  el.style.transform = `${axis}(${to})`;
}

const barRow = () => h('li', { class: 'opt' },
  h('div', { class: 'bar-label' }, h('span', { class: 'bar-name', dir: 'auto' }), h('span', { class: 'bar-value' })),
  h('div', { class: 'bar-track', 'aria-hidden': 'true' }, h('div', { class: 'bar-fill' })));

function updateBar(li, row) {
  li.querySelector('.bar-name').textContent = row.label;
  countTo(li.querySelector('.bar-value'), row.figures, row.format);
  grow(li.querySelector('.bar-fill'), 'scaleX', row.share);
  li.classList.toggle('leader', !!row.leader);
  li.classList.toggle('correct', !!row.correct);
}

function bars(body, rows) {
  const list = listIn(body, 'ul', 'bars');
  keyed(list, rows, barRow, updateBar);
  return { list, sig: rows.map((r) => `${r.key}\u0001${r.label}`).join('\u0002') };
}

// The options with the most (any) votes lead; ties all lead.
const leaders = (options, of) => {
  const top = Math.max(0, ...options.map(of));
  return new Set(top > 0 ? options.filter((o) => of(o) === top).map((o) => o.key) : []);
};

function choice(body, r) {
  const options = r.options || [];
  const total = r.total_votes || 0;
  // The room learns the answer when voting closes, not before.
  const correct = new Set(r.voting_open ? [] : r.correct || []);
  const peak = Math.max(1, ...options.map((o) => o.votes));
  const lead = correct.size ? new Set() : leaders(options, (o) => o.votes);
  return bars(body, options.map((o) => ({
    key: o.key,
    label: `${correct.has(o.key) ? '✓ ' : ''}${o.value}`,
    figures: { votes: o.votes, pct: pct(o.votes, total) },
    format: (v) => t('votes-line', { votes: num(Math.round(v.votes)), pct: num(round1(v.pct)) }),
    share: o.votes / peak,
    correct: correct.has(o.key),
    leader: lead.has(o.key),
  })));
}

function ranking(body, r) {
  const options = r.options || [];
  const top = Math.max(1, ...options.map((o) => o.borda));
  return bars(body, options.map((o, i) => ({
    key: o.key,
    label: `${num(i + 1)}. ${o.value}`,
    figures: { borda: o.borda, mean: o.mean_position || 0 },
    format: (v, end) => t('ranking-line', { points: num(Math.round(v.borda)), mean: end && o.mean_position == null ? '–' : fmt2(v.mean) }),
    share: o.borda / top,
    leader: i === 0 && o.borda > 0,
  })));
}

function points(body, r) {
  const options = r.options || [];
  const top = Math.max(1, ...options.map((o) => o.points));
  const lead = leaders(options, (o) => o.points);
  return bars(body, options.map((o) => ({
    key: o.key,
    label: o.value,
    figures: { points: o.points, mean: o.mean || 0 },
    format: (v, end) => t('points-line', { points: num(Math.round(v.points)), mean: end && o.mean == null ? '–' : fmt2(v.mean) }),
    share: o.points / top,
    leader: lead.has(o.key),
  })));
}

// A scale's axis: every value up to 11 of them, else about five evenly
// spaced (a 0–100 scale cannot print 101 readable labels in a column),
// never one crowding the last.
function axisLabels(min, max) {
  const span = max - min;
  const step = span <= 10 ? 1 : Math.ceil(span / 5);
  const out = [];
  for (let v = min; v <= max; v += step) if (v === min || max - v >= step / 2) out.push(v);
  if (out[out.length - 1] !== max) out.push(max);
  return out;
}

function scale(body, r, poll) {
  const min = (poll && poll.scale && poll.scale.min) ?? 1;
  const max = (poll && poll.scale && poll.scale.max) ?? 5;
  const values = [];
  for (let v = min; v <= max; v++) values.push(v);
  const list = listIn(body, 'ul', 'statements');
  const rows = (r.options || []).map((o) => ({ ...o }));
  keyed(list, rows, () => h('li', { class: 'stmt' },
    h('div', { class: 'bar-label' }, h('span', { class: 'bar-name', dir: 'auto' }), h('span', { class: 'bar-value' })),
    h('div', { class: 'dist', 'aria-hidden': 'true' }, values.map(() => h('div', {}))),
    h('div', { class: 'dist-axis', 'aria-hidden': 'true' }, axisLabels(min, max).map((v) => {
      // Each label under its own column, also when labels are skipped;
      // the end labels flush with the ends, so they are never cut.
      const s = h('span', { class: v === min || v === max ? 'edge' : null }, num(v));
      if (v === max) s.style.insetInlineEnd = '0';
      else s.style.insetInlineStart = v === min ? '0' : `${((v - min + 0.5) / values.length) * 100}%`;
      return s;
    }))), (li, o) => {
    li.querySelector('.bar-name').textContent = o.value;
    countTo(li.querySelector('.bar-value'), { mean: o.mean || 0, median: o.median || 0, n: o.count || 0 },
      (v, end) => t('scale-line', {
        mean: end && o.mean == null ? '–' : fmt2(v.mean),
        median: end && o.median == null ? '–' : fmt2(v.median),
        n: num(Math.round(v.n)),
      }));
    const d = o.distribution || {};
    const peak = Math.max(1, ...values.map((v) => d[v] || 0));
    [...li.querySelector('.dist').children].forEach((col, i) => grow(col, 'scaleY', (d[values[i]] || 0) / peak));
  });
  return { list, sig: `scale${min}-${max}\u0002${rows.map((o) => `${o.key}\u0001${o.value}`).join('\u0002')}` };
}

function entries(body, r) {
  const shown = (r.entries || []).filter((e) => !e.hidden);
  if (!shown.length) return empty(body, t('no-answers'));
  const list = listIn(body, 'ul', 'entries');
  keyed(list, shown.map((e) => ({ ...e, key: e.entry_id })), () => h('li', { dir: 'auto' }), (li, e) => {
    if (li.textContent !== e.text) li.textContent = e.text;
  });
  return { list, sig: shown.map((e) => e.entry_id).join(',') };
}

// Pinned (the presenter's "being answered") first and larger, answered
// last and dimmed, then by upvotes and age: the console's order.
const arrange = arrangeQuestions;

function questions(body, r) {
  const shown = arrange((r.questions || []).filter((q) => !q.hidden));
  if (!shown.length) return empty(body, t('no-questions'));
  const list = listIn(body, 'ol', 'questions');
  keyed(list, shown.map((q) => ({ ...q, key: q.question_id })),
    () => h('li', {}, h('span', { class: 'votes' }), h('span', { class: 'q-text', dir: 'auto' }, h('span', { class: 'q-words' }), h('span', { class: 'q-tags' }))),
    (li, q) => {
      countTo(li.querySelector('.votes'), { n: q.upvotes }, (v) => `▲ ${num(Math.round(v.n))}`);
      const words = li.querySelector('.q-words');
      if (words.textContent !== q.text) words.textContent = q.text;
      const tags = [q.pinned ? t('qa-pinned') : null, q.answered ? t('qa-answered') : null].filter(Boolean);
      const tagsEl = li.querySelector('.q-tags');
      const want = tags.join('|');
      if (tagsEl.dataset.tags !== want) {
        tagsEl.dataset.tags = want;
        fill(tagsEl, tags.map((x) => [' ', h('span', { class: 'tag' }, x)]));
      }
      li.classList.toggle('spotlight', !!q.pinned && !q.answered);
      li.classList.toggle('answered', !!q.answered);
    });
  return { list, sig: shown.map((q) => `${q.question_id}${q.pinned ? 'p' : ''}${q.answered ? 'a' : ''}`).join(',') };
}

// The word cloud: its 50 most frequent words, every one of them laid out.
export const CLOUD_WORDS = 50;
function words(body, r, poll, ctx) {
  const shown = (r.words || []).filter((w) => !w.hidden).slice(0, CLOUD_WORDS);
  let cloud = body.querySelector(':scope > .cloud');
  if (!cloud) {
    cloud = h('div', { class: 'cloud', role: 'img' });
    fill(body, cloud);
  }
  cloud.setAttribute('aria-label', shown.length
    ? t('cloud-label', { words: shown.slice(0, 10).map((w) => `${w.word} ${num(w.count)}`).join(', ') })
    : t('cloud-empty'));
  layoutCloud(cloud, shown, { minSize: ctx.minType, limit: CLOUD_WORDS });
  return { list: null, sig: 'cloud' };
}

function empty(body, text) {
  if (body.querySelector(':scope > p.empty')?.textContent !== text) fill(body, h('p', { class: 'empty muted' }, text));
  return { list: null, sig: `empty:${text}` };
}

// Before results are shown: the options to answer, or for free-text
// types an invitation and the live count.
function waiting(body, poll, ctx) {
  const type = typeOf(poll);
  const options = poll.options || [];
  if (options.length) {
    const list = listIn(body, 'ul', 'choices');
    keyed(list, options.map((o) => ({ ...o })), () => h('li', { class: 'opt' }, h('span', { class: 'bar-name', dir: 'auto' })), (li, o) => {
      li.querySelector('.bar-name').textContent = o.value;
    });
    return { list, sig: `wait:${options.map((o) => `${o.key}\u0001${o.value}`).join('\u0002')}` };
  }
  let panel = body.querySelector(':scope > .waiting');
  if (!panel) {
    panel = h('div', { class: 'waiting' }, h('p', { class: 'big-count', id: 'waiting-count' }), h('p', { class: 'invite' }));
    fill(body, panel);
  }
  const invite = type === 'qa' ? t('ask-on-phone') : t('answer-on-phone');
  panel.querySelector('.invite').textContent = invite;
  countTo(panel.querySelector('.big-count'), { n: ctx.count }, (v) => num(Math.round(v.n)));
  return { list: null, sig: `wait:${type}:${invite}` };
}

// The quiz's standings beside its answers: the first three as a podium
// (gold, silver, bronze), then the next five.
export function leaderboard(rows) {
  if (!rows.length) return h('p', { class: 'muted' }, t('no-scores'));
  return h('table', { id: 'leaderboard-table', class: 'podium' },
    h('caption', { class: 'visually-hidden' }, t('leaderboard')),
    h('thead', {}, h('tr', {}, [t('rank'), t('name'), t('score')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.slice(0, 8).map((s) => h('tr', { class: s.rank <= 3 ? `place-${s.rank}` : '' },
      h('td', { class: 'rank' }, s.rank <= 3 ? h('span', { class: 'medal' }, num(s.rank)) : num(s.rank)), h('td', { dir: 'auto' }, s.name), h('td', { class: 'score' }, num(s.score))))));
}

function quiz(body, r, poll, ctx) {
  let split = body.querySelector(':scope > .split');
  if (!split) {
    split = h('div', { class: 'split' },
      h('div', { class: 'answers' }),
      h('section', { class: 'board', 'aria-labelledby': 'board-title' }, h('h2', { id: 'board-title' }), h('div', { id: 'leaderboard' })));
    fill(body, split);
  }
  split.querySelector('#board-title').textContent = t('leaderboard');
  const board = JSON.stringify(ctx.leaderboard.slice(0, 8));
  const holder = split.querySelector('#leaderboard');
  if (holder.dataset.board !== board) {
    holder.dataset.board = board;
    fill(holder, leaderboard(ctx.leaderboard));
  }
  const out = choice(split.querySelector('.answers'), r);
  return { list: out.list, sig: `quiz:${out.sig}:${board}` };
}

const DRAW = {
  single: choice, multiple: choice, quiz, scale, ranking, points,
  wordcloud: words, open: entries, qa: questions,
};

// Draws the stage's body: the results `r` when shown, else the waiting
// state. `ctx` holds { visible, count, leaderboard, minType }.
// A content slide: its text, fitted by the caller (screen.js fitStage).
function content(body, poll) {
  const sig = `content:${poll.poll_id}:${JSON.stringify(poll.body_blocks || [])}`;
  if (body.dataset.mode !== sig) {
    body.dataset.mode = sig;
    fill(body, contentBody(poll));
  }
  return { list: null, sig };
}

// Options' pictures (an image-choice poll): a thumbnail before each
// pictured option's name, while answers are awaited and beside its bar,
// with its alt text. Sized in em, so it scales with the fitted type.
function pictures(out, poll) {
  const held = (poll.images && poll.images.options) || {};
  const keys = Object.keys(held);
  if (!out.list || !keys.length) return out;
  for (const li of out.list.querySelectorAll(':scope > li[data-key]')) {
    const image = held[li.dataset.key];
    const name = li.querySelector('.bar-name');
    let img = li.querySelector('.opt-img');
    if (!image || !name) {
      if (img) img.remove();
      continue;
    }
    const src = `/images/${image.image_id}`;
    if (!img) {
      img = h('img', { class: 'opt-img', alt: '' });
      name.before(img);
    }
    if (img.getAttribute('src') !== src) img.src = src;
    if (img.alt !== image.alt) img.alt = image.alt;
  }
  return { ...out, sig: `${out.sig}|pictures:${keys.map((k) => `${k}=${held[k].image_id}`).join(',')}` };
}

export function draw(body, poll, r, ctx) {
  const type = typeOf(poll);
  if (type === 'content') {
    if (body.dataset.type !== type) body.dataset.type = type;
    return content(body, poll);
  }
  const mode = ctx.visible && r ? `results:${type}:${poll.poll_id}` : `wait:${poll.poll_id}`;
  if (body.dataset.mode !== mode) {
    body.replaceChildren();
    body.dataset.mode = mode;
  }
  if (body.dataset.type !== type) body.dataset.type = type;
  if (!ctx.visible) return pictures(waiting(body, poll, ctx), poll);
  if (!r) return { list: null, sig: 'none' };
  let chart = body.querySelector(':scope > #chart');
  if (!chart) {
    chart = h('div', { id: 'chart', class: 'chart-area' });
    fill(body, chart);
  }
  return pictures((DRAW[type] || choice)(chart, r, poll, ctx), poll);
}

// One sentence for a screen reader, naming what leads.
export function summary(r, poll) {
  const type = typeOf(r);
  const opts = r.options || [];
  switch (type) {
    case 'single': case 'multiple': case 'quiz':
      return opts.map((o) => `${o.value} ${num(o.votes)}`).join(', ');
    case 'ranking': return opts.slice(0, 3).map((o) => `${o.value} ${num(o.borda)}`).join(', ');
    case 'points': return opts.map((o) => `${o.value} ${num(o.points)}`).join(', ');
    case 'scale': return opts.map((o) => `${o.value} ${fmt2(o.mean)}`).join(', ');
    case 'wordcloud': return (r.words || []).filter((w) => !w.hidden).slice(0, 3).map((w) => `${w.word} ${num(w.count)}`).join(', ');
    default: return poll && poll.question ? poll.question : '';
  }
}
