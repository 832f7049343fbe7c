// Links for other people, for the console: links that each carry one
// role. A screen link opens only the big screen (for the venue PC), a
// co-presenter link runs the show, a moderator link moderates the
// audience's text. A link's address is shown once, when it is made; each
// can be revoked and stops working at once. (The presenter key itself,
// which gives full control, is copied from the console's key panel,
// console/people.js.)
//
// Only the presenter's own key manages links: mount the panel only when
// GET /presentations/{id}/access lists the `own` power. The page loads the
// `links` message domain (loadLocale(…, [..., 'links'])).
import { h, fill } from './dom.js';
import { api } from './api.js';
import { t, errorText } from './i18n.js';

const ROLES = ['screen', 'run', 'moderate'];

// Its own stylesheet, so that any page can mount the panel (style-src
// 'self' allows it).
function ensureStyles() {
  if (document.querySelector('link[data-links-css]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: '/assets/links.css', 'data-links-css': '' }));
}

// Copies `text`; on plain http (a venue's network) the Clipboard API is
// missing, so the text is selected in `field` and copied the old way.
async function copy(text, field) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission): the old way below.
  }
  if (!field) return false;
  field.hidden = false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

const when = (iso) => new Date(iso).toLocaleString(document.documentElement.lang || undefined,
  { dateStyle: 'medium', timeStyle: 'short' });

export function linksPanel(presentationId, token) {
  ensureStyles();
  const base = `/presentations/${presentationId}/links`;
  const call = (method, path = '', body) => api(method, `${base}${path}`, { body, token, attempts: 3 });
  let links = [];

  const status = h('p', { class: 'links-status', role: 'status' });
  const problem = h('div', { class: 'links-problem', role: 'alert' });
  const say = (text) => fill(status, text || '');
  const fail = (e) => fill(problem, e ? h('p', { class: 'notice error' }, errorText(e)) : null);

  const labelInput = h('input', { id: 'links-label', type: 'text', maxlength: 80, dir: 'auto',
    autocomplete: 'off', 'aria-describedby': 'links-label-hint' });
  const made = h('div', { class: 'links-made', id: 'links-made', hidden: true });
  const list = h('ul', { class: 'links-list', id: 'links-list' });

  async function create(role) {
    fail(null);
    const label = labelInput.value.trim();
    let link;
    try {
      link = await call('POST', '', label ? { role, label } : { role });
    } catch (e) {
      fail(e);
      labelInput.focus();
      return;
    }
    labelInput.value = '';
    showMade(link);
    await refresh();
  }

  // The new link's address, shown this once: the server keeps only a hash
  // of its secret.
  function showMade(link) {
    const url = new URL(link.url, location.origin).href;
    // An address reads left to right in every language.
    const field = h('input', { class: 'links-url', id: 'links-made-url', type: 'text', readonly: true, value: url, dir: 'ltr',
      'aria-labelledby': 'links-made-title', onfocus: (e) => e.target.select() });
    const copyButton = h('button', { type: 'button', id: 'links-made-copy', onclick: async () => {
      say(await copy(url, field) ? t('links-copied') : t('links-copy-failed'));
    } }, t('links-copy'));
    made.hidden = false;
    fill(made,
      h('p', { class: 'links-made-title', id: 'links-made-title' }, t(`links-made-${link.role}`)),
      h('div', { class: 'links-made-row' }, field, copyButton),
      h('p', { class: 'links-hint' }, t('links-made-once')));
    copyButton.focus();
  }

  async function revoke(link) {
    const name = link.label || t(`links-role-${link.role}`);
    if (!confirm(t('links-revoke-confirm', { name }))) return;
    fail(null);
    try {
      await call('DELETE', `/${link.link_id}`);
    } catch (e) {
      fail(e);
      return;
    }
    say(t('links-revoked-now', { name }));
    await refresh();
    // Focus stays in the list, on the next thing to act on.
    (list.querySelector('button') || labelInput).focus();
  }

  function drawList() {
    if (!links.length) {
      fill(list, h('li', { class: 'links-empty' }, t('links-none')));
      return;
    }
    // Working links first, newest first; revoked ones after, for the
    // record.
    const sorted = [...links].sort((a, b) => (!!a.revoked_at - !!b.revoked_at)
      || b.created_at.localeCompare(a.created_at));
    fill(list, sorted.map((link) => h('li', { class: `links-item${link.revoked_at ? ' revoked' : ''}`, 'data-link': link.link_id },
      h('div', { class: 'links-item-text' },
        h('span', { class: `links-role links-role-${link.role}` }, t(`links-role-${link.role}`)),
        link.label ? h('span', { class: 'links-label', dir: 'auto' }, link.label) : null,
        h('span', { class: 'links-when' }, link.revoked_at
          ? t('links-revoked-at', { when: when(link.revoked_at) })
          : t('links-created-at', { when: when(link.created_at) }))),
      link.revoked_at ? null : h('button', { type: 'button', class: 'danger secondary links-revoke',
        'aria-label': t('links-revoke-named', { name: link.label || t(`links-role-${link.role}`) }),
        onclick: () => revoke(link) }, t('links-revoke')))));
  }

  async function refresh() {
    try {
      links = await call('GET');
      fail(null);
    } catch (e) {
      fail(e);
      return;
    }
    drawList();
  }

  const panel = h('div', { class: 'links-panel stack', id: 'links-panel' },
    h('section', { class: 'links-new', 'aria-labelledby': 'links-new-h' },
      h('h3', { id: 'links-new-h' }, t('links-new')),
      h('label', { for: 'links-label' }, t('links-label')),
      h('p', { class: 'links-hint', id: 'links-label-hint' }, t('links-label-hint')),
      labelInput,
      h('div', { class: 'links-choices' }, ROLES.map((role) => h('div', { class: 'links-choice' },
        h('button', {
          type: 'button', class: 'secondary', id: `links-create-${role}`,
          'aria-describedby': `links-what-${role}`, onclick: () => create(role),
        }, t(`links-create-${role}`)),
        h('p', { class: 'links-hint', id: `links-what-${role}` }, t(`links-what-${role}`)))))),
    made,
    problem,
    status,
    h('section', { class: 'links-existing', 'aria-labelledby': 'links-list-h' },
      h('h3', { id: 'links-list-h' }, t('links-list')),
      list));
  refresh();
  return panel;
}
