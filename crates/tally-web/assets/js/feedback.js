// A contestant's feedback (`/feedback/{contest}#<secret>`): the judges'
// comments on them from submitted sheets, by round, without the judges'
// names. The organiser releases the private link; releasing again replaces
// it, and this page then asks for the new one.
import { h, fill } from './dom.js';
import { api } from './api.js';
import { takeKey, contestIdIn, askForKey } from './contest-key.js';
import { loadLocale, t, errorText } from './i18n.js';
import { localeSwitch, redrawOnLocaleChange } from './locale-switch.js';
import { own, tNodes } from './contest-text.js';

const app = document.getElementById('app');
const [id] = contestIdIn('feedback');
let view = () => {};

const head = (title) => h('div', { class: 'page-head' }, h('h1', {}, title), localeSwitch());

function notice(text, error) {
  view = () => notice(text, error);
  document.title = t('feedback-page-title');
  fill(app, head(t('feedback-title')),
    error ? h('div', { class: 'notice error', role: 'alert' }, text()) : h('p', {}, text()));
}

function draw(contest, feedback) {
  view = () => draw(contest, feedback);
  document.title = t('feedback-page-title');
  const rounds = [...new Set(feedback.comments.map((c) => c.round))];
  fill(app,
    head(tNodes('feedback-for', { contestant: own(feedback.contestant.name) })),
    h('p', { class: 'muted' }, own(contest.title)),
    rounds.length ? rounds.map((round) => h('section', { class: 'stack' },
      h('h2', {}, own(round)),
      h('ul', { class: 'stack bare-list', id: 'comments' }, feedback.comments.filter((c) => c.round === round)
        .map((c) => h('li', { class: 'card', dir: 'auto' }, c.text)))))
      : h('p', { id: 'comments-none' }, t('feedback-none')),
    h('p', { class: 'muted' }, t('feedback-anonymous')));
}

async function start() {
  await loadLocale(undefined, ['feedback']);
  redrawOnLocaleChange(app, () => view());
  if (!id) return notice(() => t('feedback-no-link'));
  const token = await takeKey(id, 'feedback');
  if (!token) {
    view = () => askForKey(app, id, t('feedback-title'), 'feedback');
    return view();
  }
  try {
    const [contest, feedback] = await Promise.all([
      api('GET', `/contests/${id}`),
      api('GET', `/contests/${id}/feedback`, { token }),
    ]);
    draw(contest, feedback);
  } catch (e) {
    notice(() => (e.status === 403 ? t('feedback-replaced') : errorText(e)), true);
  }
}

start();
