// The judged-contest pages for the language checks of `i18n.mjs`, made
// through the API: a contest whose first round is scored, published and
// has feedback, and whose second round is open for a judge. One of the
// contestants has an Arabic name, so that the pages show right-to-left
// audience text in an English page and left-to-right text in an Arabic one.
import assert from 'node:assert/strict';
import { api } from './harness.mjs';

async function ok(method, path, token, body) {
  const res = await api(method, path, token, body);
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

// Each page with the selector that says it has drawn its data, and the
// secret its link carries after #.
export async function contestPages() {
  const made = await ok('POST', '/contests', null, {
    title: 'Spring choir contest',
    method: 'weighted_mean',
    trim_min_judges: null,
    criteria: [
      { name: 'Voice', weight: '2', min: '1', max: '10', step: '0.5', description: 'Pitch, tone and blend' },
      { name: 'Stage', weight: '1', min: '1', max: '10', step: '1', description: 'Presence' },
    ],
    contestants: ['Alto', 'سلمى'],
    rounds: ['Heats', 'Final'],
    tie_break_criterion: null,
  });
  const id = made.contest.contest_id;
  const owner = made.owner_token;
  const contest = await ok('GET', `/contests/${id}`);
  const [heats, final] = contest.rounds.map((r) => r.round_id);
  const judge = (await ok('POST', `/contests/${id}/links`, owner, { role: 'judge', name: 'Ann' })).token;
  await ok('POST', `/contests/${id}/rounds/${heats}/open`, owner);
  const marks = contest.contestants.flatMap((c, i) => contest.criteria.map((k) => ({
    contestant_id: c.contestant_id, criterion_id: k.criterion_id, value: String(7 + i),
  })));
  const comments = contest.contestants.map((c) => ({ contestant_id: c.contestant_id, text: `Clear and confident, ${c.name}.` }));
  await ok('PUT', `/contests/${id}/rounds/${heats}/sheet`, judge, { marks, comments, submit: true });
  await ok('POST', `/contests/${id}/rounds/${heats}/close`, owner);
  await ok('POST', `/contests/${id}/rounds/${heats}/publish`, owner);
  await ok('POST', `/contests/${id}/rounds/${final}/open`, owner);
  const feedback = (await ok('POST', `/contests/${id}/contestants/${contest.contestants[1].contestant_id}/feedback-link`, owner)).token;
  return [
    { name: 'contest-new', path: '/contest', ready: '#create' },
    { name: 'contest-key', path: `/contest/${id}`, ready: '#key' },
    { name: 'contest', path: `/contest/${id}`, ready: '#progress tbody tr', secret: owner },
    { name: 'judge', path: `/judge/${id}`, ready: '#sheet-state', secret: judge },
    { name: 'feedback', path: `/feedback/${id}`, ready: '#comments li', secret: feedback },
    { name: 'reveal', path: `/reveal/${id}/${heats}`, ready: '#announce' },
  ];
}
