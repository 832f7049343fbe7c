// Past rounds. A reset starts a poll's new round from zero and keeps the
// earlier ones (the reset's confirmation promises they stay readable):
// here the presenter picks a poll and one of its rounds and reads its
// results, drawn as the live ones are. The API serves a round's results
// at GET …/polls/{poll_id}/results?round=N.
import { h, fill } from '../dom.js';
import { t, num, errorText } from '../i18n.js';
import { drawResults, summary } from '../results.js';
import { ctx, call } from './context.js';

let chosenPoll = null; // poll id; null follows the slide on screen
let shownRound = null;
let known = ''; // the poll and round last listed, to redraw only on change

const pollOf = (pollId) => (ctx.deck ? ctx.deck.polls.find((p) => p.poll_id === pollId) : null);


async function show(pollId, round) {
  shownRound = round;
  const out = document.getElementById('round-results');
  for (const b of document.querySelectorAll('#round-list button')) b.setAttribute('aria-pressed', String(Number(b.dataset.round) === round));
  fill(out, h('p', { class: 'muted' }, t('loading')));
  try {
    const r = await call('GET', `/polls/${pollId}/results?round=${round}`);
    const box = h('div', { class: 'results-box', id: 'round-box' });
    fill(out,
      h('h3', { id: 'round-h' }, t('console-round-of', { round: num(round) })),
      h('p', { class: 'status' }, summary(r)),
      box);
    drawResults(box, r, pollOf(pollId));
  } catch (e) {
    fill(out, h('p', { class: 'notice error' }, errorText(e)));
  }
}

async function list() {
  const el = document.getElementById('rounds');
  if (!el || !ctx.deck) return;
  const onScreen = ctx.state && ctx.state.poll ? ctx.state.poll.poll_id : null;
  const pollId = chosenPoll || onScreen || (ctx.deck.polls[0] || {}).poll_id;
  if (!pollId) return;
  let current;
  let rounds;
  try {
    ({ current_round: current, rounds } = await call('GET', `/polls/${pollId}/rounds`));
  } catch (e) {
    fill(el, h('p', { class: 'notice error' }, errorText(e)));
    return;
  }
  const key = `${pollId} ${current}`;
  if (key === known && el.querySelector('#round-poll')) return;
  if (!known.startsWith(`${pollId} `)) shownRound = null;
  known = key;
  const past = rounds.filter((r) => r.round < current);
  fill(el,
    h('div', { class: 'row' },
      h('label', { for: 'round-poll' }, t('console-round-poll')),
      h('select', { id: 'round-poll', onchange: (e) => { chosenPoll = e.target.value; shownRound = null; list(); } },
        ctx.deck.polls.map((p, i) => h('option', { value: p.poll_id, selected: p.poll_id === pollId },
          `${num(i + 1)}. ${p.question.length > 60 ? `${p.question.slice(0, 59)}…` : p.question}`)))),
    past.length
      ? h('div', { class: 'row', id: 'round-list', role: 'group', 'aria-label': t('console-rounds') },
        past.map((r) => h('button', { class: 'secondary small', 'data-round': r.round, 'aria-pressed': 'false', onclick: () => show(pollId, r.round) },
          t('console-round-responses', { round: num(r.round), count: r.responses }))))
      : h('p', { class: 'muted', id: 'round-list' }, t('console-rounds-none')),
    h('div', { id: 'round-results' }));
  if (past.length && shownRound && shownRound < current) show(pollId, shownRound);
}

// Called on every state: a reset adds a round to the list.
export const drawRounds = () => { list(); };
