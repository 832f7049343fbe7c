// Drawing the phone page: the bar at the top (event, connection, slide,
// language), the lobby before the first slide, the poll with its
// countdown, the outcome of the last action and the results.
import { h, fill, store } from '../dom.js';
import { t, num, locale } from '../i18n.js';
import { localeSwitch } from '../locale-switch.js';

// The results' drawing (with the word cloud's layout) is loaded when the
// presenter first shows results, not with the page: most of a phone's
// life is voting, and the first load has a byte budget.
let drawResults = null;
const loadResults = () => import('../results.js').then((m) => {
  drawResults = m.drawResults;
  renderResults();
});
import { app, s, voteKey, msLeft, votingOpen } from './state.js';
import { renderVote, closeHere } from './vote.js';
import { renderQa } from './qa.js';
import { contentBody } from '../content.js';

const STATUS = {
  live: 'phone-status-live',
  connecting: 'phone-status-connecting',
  reconnecting: 'phone-status-reconnecting',
  offline: 'phone-status-offline',
  deleted: 'phone-status-ended',
};

export const statusText = () => t(STATUS[s.connection] || 'phone-status-connecting');

export function renderStatus() {
  const el = document.getElementById('status');
  if (!el) return;
  el.textContent = statusText();
  el.dataset.state = s.connection;
}

const eventTitle = () => (s.settings && s.settings.title) || '';

// The bar is built once per language and updated in place: a slide
// change redraws the poll, not the bar (cheaper on a slow phone).
let bar = null;
function header() {
  const st = s.state;
  const poll = st && st.poll;
  if (!bar || bar.dataset.locale !== locale()) {
    bar = h('header', { class: 'topbar', 'data-locale': locale() },
      h('div', { class: 'topbar-row' },
        h('span', { class: 'event', dir: 'auto' }),
        h('span', { class: 'pill', id: 'status', role: 'status' }),
        localeSwitch()),
      h('div', { class: 'progress', 'aria-hidden': 'true' }, h('span', { class: 'progress-fill' })));
  }
  bar.querySelector('.event').textContent = eventTitle() || t('app-name');
  // The event's logo, when the presenter gave one (this origin's image).
  const logo = s.settings && s.settings.logo && s.settings.logo.url;
  let img = bar.querySelector('.logo');
  if (logo && (!img || img.getAttribute('src') !== logo)) {
    if (img) img.remove();
    img = h('img', { class: 'logo', src: logo, alt: '' });
    bar.firstChild.prepend(img);
  } else if (!logo && img) img.remove();
  const status = bar.querySelector('#status');
  status.textContent = statusText();
  status.dataset.state = s.connection;
  const progress = bar.querySelector('.progress');
  progress.hidden = !poll;
  if (poll) progress.firstChild.style.width = `${((st.current_poll_index + 1) / st.poll_count) * 100}%`;
  return bar;
}

// The picture beside the question, with its alt text.
function questionImage(poll) {
  const image = poll.images && poll.images.question;
  return image ? h('img', { class: 'q-image', id: 'question-image', src: `/images/${image.image_id}`, alt: image.alt, dir: 'auto' }) : null;
}

const slideNo = () => h('p', { class: 'slide-no' }, t('phone-slide-of', { n: s.state.current_poll_index + 1, total: s.state.poll_count }));

// Where focus goes after the page is drawn again: the element named by
// `focus`, else the one that had it (by id), so that a live update never
// throws a keyboard or screen-reader user back to the top.
function refocus(focus, before) {
  const target = focus === 'first-field'
    ? app.querySelector('#poll input:not([disabled]), #poll textarea, #poll button:not([disabled])')
    : document.getElementById(focus || before);
  if (target) target.focus({ preventScroll: !focus });
}

export function render({ focus } = {}) {
  const before = document.activeElement && document.activeElement !== document.body ? document.activeElement.id : '';
  const st = s.state;
  const poll = st && st.poll;
  if (!poll) {
    fill(app, header(), lobby());
    return refocus(focus, before);
  }
  const qa = s.qaPoll && s.settings && s.settings.qa_always_open && poll.type !== 'qa' ? s.qaPoll : null;
  const showQa = qa && s.tab === 'qa';
  const body = h('div', { id: 'poll' });
  // The form being filled in survives a redraw (results shown, a timer
  // started): what the participant ticked is not lost.
  s.kept = app.querySelector('#poll form.vote-form');
  fill(app, header(),
    qa ? tabs() : null,
    slideNo(),
    showQa ? h('h1', { id: 'question', dir: 'auto' }, qa.question) : h('h1', { id: 'question', dir: 'auto' }, poll.question),
    showQa ? null : questionImage(poll),
    showQa || poll.type === 'content' ? null : h('div', { id: 'countdown', class: 'countdown', role: 'timer', 'aria-live': 'off' }),
    body,
    h('div', { id: 'outcome', role: 'status', 'aria-live': 'polite', tabindex: '-1' }, s.note ? h('div', { class: `notice ${s.note.kind}` }, s.note.text) : null),
    h('section', { id: 'results', 'aria-labelledby': 'results-title' }));
  const type = poll.type || 'single';
  if (showQa) renderQa(body, qa);
  else if (type === 'qa') renderQa(body, poll);
  // A content slide is read, not answered: its text, no form.
  else if (type === 'content') fill(body, contentBody(poll));
  else renderVote(body, poll, type);
  tick();
  renderResults();
  refocus(focus, before);
}

function tabs() {
  const tab = (id, label) => h('button', {
    type: 'button', id: `tab-${id}`, class: 'tab', 'aria-pressed': s.tab === id ? 'true' : 'false',
    onclick: () => {
      s.tab = id;
      render({ focus: `tab-${id}` });
    },
  }, label);
  return h('div', { class: 'tabs', role: 'group', 'aria-label': t('phone-sections') }, tab('poll', t('phone-tab-poll')), tab('qa', t('phone-tab-questions')));
}

function lobby() {
  const name = store.get('tally.name', '');
  return h('section', { class: 'lobby' },
    h('div', { class: 'lobby-mark', 'aria-hidden': 'true' }),
    h('p', { class: 'lobby-in' }, name ? t('phone-lobby-in-named', { name }) : t('phone-lobby-in')),
    h('h1', { id: 'lobby-title', dir: 'auto' }, eventTitle() || t('phone-lobby-title')),
    h('p', { class: 'muted' }, t('phone-lobby-wait')));
}

let total = 0; // the timer's full length, for the progress bar
// The countdown, four times a second. At zero the form goes off here,
// whatever the network does.
export function tick() {
  const el = document.getElementById('countdown');
  const st = s.state;
  if (!el || !st) return;
  const left = msLeft();
  // Closed by hand before the end: no countdown. Run out (the server
  // closes voting at the deadline too): "Time is up" stays.
  if (left == null || (!st.voting_open && left > 0)) {
    el.replaceChildren();
    el.hidden = true;
    return;
  }
  el.hidden = false;
  total = Math.max(total, st.poll && st.poll.time_limit_secs ? st.poll.time_limit_secs * 1000 : 0, st.ms_left);
  const secs = Math.ceil(left / 1000);
  const text = left > 0 ? t('phone-time-left', { time: `${num(Math.floor(secs / 60))}:${num(secs % 60, { minimumIntegerDigits: 2 })}` }) : t('phone-time-up');
  let label = el.querySelector('.countdown-text');
  if (!label) {
    label = h('span', { class: 'countdown-text' });
    const bar = h('span', { class: 'countdown-bar', 'aria-hidden': 'true' }, h('span', {}));
    fill(el, label, bar);
  }
  if (label.textContent !== text) label.textContent = text;
  el.querySelector('.countdown-bar span').style.width = `${total ? (left / total) * 100 : 0}%`;
  el.classList.toggle('urgent', left > 0 && left <= 5000);
  if (!votingOpen()) closeHere();
}

export const resetTimer = () => { total = 0; };

// The results the presenter shows. A Q&A slide shows none here: its own
// list is already the live result, and drawing it twice was a bug. A
// poll set to show results only after voting keeps them until this
// phone has voted.
export function renderResults() {
  const el = document.getElementById('results');
  if (!el) return;
  const st = s.state;
  const poll = st && st.poll;
  const r = s.results;
  const type = poll && (poll.type || 'single');
  if (!st.results_visible || !r || !poll || r.poll_id !== poll.poll_id || type === 'qa' || type === 'content' || s.tab === 'qa') {
    el.replaceChildren();
    return;
  }
  const mine = store.get(voteKey(poll.poll_id, st.round));
  const voted = mine && mine.state === 'sent';
  if (poll.results_after_vote && !voted) {
    fill(el, h('h2', { id: 'results-title' }, t('phone-results')), h('p', { class: 'muted' }, t('phone-results-after-vote')));
    return;
  }
  if (!drawResults) {
    loadResults();
    return;
  }
  let card = el.querySelector('.card');
  if (!card) {
    card = h('div', { class: 'card' });
    fill(el, h('h2', { id: 'results-title' }, t('phone-results')), card);
  }
  const extra = [];
  if (r.correct && voted) {
    const picked = [].concat(mine.body.key || mine.body.keys || []).sort().join(',');
    const right = picked === [...r.correct].sort().join(',');
    extra.push(h('p', { class: `verdict ${right ? 'ok' : 'error'}` }, right ? t('phone-correct') : t('phone-not-correct')));
  }
  if (r.correct) extra.push(h('p', { id: 'score', class: 'score' }, scoreText()));
  const chart = card.querySelector('.chart') || h('div', { class: 'chart' });
  drawResults(chart, r, poll);
  // Option names and answers are audience text: each keeps its own
  // direction in either page direction.
  for (const el of chart.querySelectorAll('.bar-name, .bar-label > span:first-child, .entries li, .cloud span')) el.setAttribute('dir', 'auto');
  if (voted) markMine(chart, mine.body);
  fill(card, extra, chart);
  if (r.correct) s.loadScore();
}

// "Your choice" beside what this phone voted for, so a participant finds
// their answer among the bars.
function markMine(chart, body) {
  const keys = new Set([].concat(body.key || body.keys || [], body.points ? Object.keys(body.points) : []));
  for (const li of chart.querySelectorAll('li[data-key]')) {
    const on = keys.has(li.dataset.key);
    li.classList.toggle('mine', on);
    let tag = li.querySelector('.mine-tag');
    if (on && !tag) li.querySelector('.bar-label').append(h('span', { class: 'mine-tag' }, t('phone-your-choice')));
    if (!on && tag) tag.remove();
  }
}

export const scoreText = () => (s.score ? t('phone-score', { score: s.score.score, correct: s.score.correct }) : '');

export function setOutcome(kind, text) {
  const el = document.getElementById('outcome');
  if (el) fill(el, text ? h('div', { class: `notice ${kind}` }, text) : null);
}
