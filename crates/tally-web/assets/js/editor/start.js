// /new: what a deck starts from. A blank slide, a built-in template or an
// outline (Markdown or CSV, pasted or from a file) opens in the editor,
// not created yet; a deck file (.json) is imported at once.
import { h } from '../dom.js';
import { t, errorText, locale } from '../i18n.js';
import { remember } from '../deck.js';
import { S, ui } from './state.js';
import { blankPoll, fromDeckFile } from './model.js';
import { templates, template, readOutline, importDeck } from './net.js';
import { heldToken } from './save.js';

let list = null; // the templates, once read in the page's language
let listLocale = null;
let problem = null; // { where: 'outline' | 'file' | 'templates', text }

function open(deck) {
  S.history.before();
  S.deck = deck;
  S.selected = 0;
  S.started = true;
  S.showAll = false;
  S.notice = null;
  problem = null;
  S.history.keepDraft();
  ui.render('f-question');
}

async function fromTemplate(name) {
  try {
    open(fromDeckFile(await template(name, locale())));
  } catch (e) {
    problem = { where: 'templates', text: errorText(e) };
    ui.render('start-templates');
  }
}

// The outline's problem names the question it stopped at ("question 3:
// …"); the number is taken from it and said in the page's language.
function outlineProblem(e) {
  const m = /question (\d+)/.exec((e.problem && e.problem.detail) || '');
  return m ? t('editor-outline-refused-at', { n: Number(m[1]) }) : errorText(e);
}

async function fromOutline(text, type) {
  if (!text.trim()) {
    problem = { where: 'outline', text: t('editor-outline-empty') };
    ui.render('outline-text');
    return;
  }
  try {
    open(fromDeckFile(await readOutline(text, type)));
  } catch (e) {
    problem = { where: 'outline', text: outlineProblem(e) };
    ui.render('outline-text');
  }
}

const typeOf = (name, text) => (/\.csv$/i.test(name) || (!/\.(md|markdown|txt)$/i.test(name) && /^[^#\n]*,/.test(text)) ? 'text/csv' : 'text/markdown');

async function fromFile(file) {
  const text = await file.text();
  if (/\.json$/i.test(file.name)) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      problem = { where: 'file', text: t('editor-file-not-json') };
      ui.render('deck-file');
      return;
    }
    try {
      const made = await importDeck(doc, heldToken());
      remember({ id: made.presentation_id, join_code: made.join_code, title: doc.title || doc.polls?.[0]?.question || file.name, created_at: new Date().toISOString() }, made.presenter_token);
      location.assign(`/edit/${made.presentation_id}`);
    } catch (e) {
      const m = /slide (\d+)/.exec((e.problem && e.problem.detail) || '');
      problem = { where: 'file', text: m ? t('editor-file-refused-at', { n: Number(m[1]), reason: errorText(e) }) : errorText(e) };
      ui.render('deck-file');
    }
    return;
  }
  fromOutline(text, typeOf(file.name, text));
}

const problemFor = (where) => (problem && problem.where === where
  ? h('p', { class: 'field-error', id: `err-${where}` }, problem.text) : null);

export function startPanel() {
  if (!list || listLocale !== locale()) {
    // Read again after a language switch: the templates' titles change.
    const asked = locale();
    listLocale = asked;
    list = list || [];
    templates(asked).then((l) => { if (listLocale === asked) { list = l; ui.render(); } })
      .catch((e) => { problem = { where: 'templates', text: errorText(e) }; ui.render(); });
  }
  const outline = h('textarea', { id: 'outline-text', dir: 'auto', rows: 7, 'aria-describedby': 'hint-outline err-outline', placeholder: t('editor-outline-placeholder') });
  return h('div', { class: 'start' },
    h('section', { class: 'card start-card', 'aria-labelledby': 'start-blank' },
      h('h2', { id: 'start-blank' }, t('editor-start-blank')),
      h('p', { class: 'hint' }, t('editor-start-blank-hint')),
      h('button', { type: 'button', id: 'blank', onclick: () => open({ title: '', profanity_filter: 'standard', polls: [blankPoll()] }) }, t('editor-start-blank-button'))),
    h('section', { class: 'card start-card', 'aria-labelledby': 'start-templates' },
      h('h2', { id: 'start-templates', tabindex: '-1' }, t('editor-start-template')),
      problemFor('templates'),
      h('ul', { class: 'template-list bare-list' }, list.map((tp) => h('li', {},
        h('button', { type: 'button', class: 'secondary template', id: `template-${tp.name}`, onclick: () => fromTemplate(tp.name) },
          h('span', { class: 'template-title' }, t(`editor-template-${tp.name}`) === `editor-template-${tp.name}` ? tp.title : t(`editor-template-${tp.name}`)),
          h('span', { class: 'hint' }, t('editor-template-slides', { n: tp.slides }))))))),
    h('section', { class: 'card start-card wide', 'aria-labelledby': 'start-outline' },
      h('h2', { id: 'start-outline' }, t('editor-start-outline')),
      h('label', { for: 'outline-text' }, t('editor-outline-label')),
      h('p', { class: 'hint', id: 'hint-outline' }, t('editor-outline-hint')),
      problemFor('outline'),
      outline,
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'read-outline', onclick: () => fromOutline(outline.value, typeOf('', outline.value)) }, t('editor-outline-read')),
        h('input', { type: 'file', id: 'outline-file', class: 'visually-hidden file-input', accept: '.md,.markdown,.txt,.csv,text/markdown,text/csv', onchange: (e) => e.target.files[0] && fromFile(e.target.files[0]) }),
        h('label', { class: 'button secondary file-button', for: 'outline-file' }, t('editor-outline-file')))),
    h('section', { class: 'card start-card', 'aria-labelledby': 'start-file' },
      h('h2', { id: 'start-file' }, t('editor-start-file')),
      h('p', { class: 'hint', id: 'hint-file' }, t('editor-start-file-hint')),
      problemFor('file'),
      h('input', { type: 'file', id: 'deck-file', class: 'visually-hidden file-input', accept: '.json,application/json', 'aria-describedby': 'hint-file', onchange: (e) => e.target.files[0] && fromFile(e.target.files[0]) }),
      h('label', { class: 'button secondary file-button', for: 'deck-file' }, t('editor-start-file-button'))));
}
