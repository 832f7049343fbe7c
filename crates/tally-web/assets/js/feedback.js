// A contestant's feedback (`/feedback/{contest}#<secret>`): the judges'
// comments on them from submitted sheets, by round, without the judges'
// names. The organiser releases the private link; releasing again replaces
// it, and this page then asks for the new one.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { takeKey, contestIdIn, askForKey } from './contest-key.js';

const app = document.getElementById('app');
const [id] = contestIdIn('feedback');

async function start() {
  if (!id) return fill(app, h('h1', {}, 'Feedback'), h('p', {}, 'Open the private link the organiser sent you.'));
  const token = await takeKey(id, 'feedback');
  if (!token) return askForKey(app, id, 'Feedback', 'your feedback link', 'feedback');
  try {
    const [contest, feedback] = await Promise.all([
      api('GET', `/contests/${id}`),
      api('GET', `/contests/${id}/feedback`, { token }),
    ]);
    const rounds = [...new Set(feedback.comments.map((c) => c.round))];
    fill(app,
      h('h1', {}, `Feedback for ${feedback.contestant.name}`),
      h('p', { class: 'muted' }, contest.title),
      rounds.length ? rounds.map((round) => h('section', { class: 'stack' },
        h('h2', {}, round),
        h('ul', { class: 'stack', id: 'comments' }, feedback.comments.filter((c) => c.round === round)
          .map((c) => h('li', { class: 'card' }, c.text)))))
        : h('p', { id: 'comments-none' }, 'No comments yet.'),
      h('p', { class: 'muted' }, 'The judges\' names are not shown. Only comments from submitted score sheets appear.'));
  } catch (e) {
    fill(app, h('h1', {}, 'Feedback'), h('div', { class: 'notice error', role: 'alert' },
      e.status === 403 ? 'This link no longer works: the organiser may have sent a newer one.' : e.message));
  }
}

start();
