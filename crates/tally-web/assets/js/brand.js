// The event's look and the presentation's settings (issue 25).
//
// applyBrand(settings) puts a presentation's palette and type scale on the
// page as CSS custom properties on <html> (--brand-accent, --brand-bg,
// --brand-ink, --brand-accent-ink, --brand-scale) and the class `branded`;
// the palette is the server's, already made readable (WCAG AA), so a page
// applies it as it is. Pages refetch the settings when the live state's
// `settings_rev` changes (loadBrand does both).
//
// settingsPanel(id, token) is the console's form for them. The page loads
// the `brand` message domain (loadLocale(…, [..., 'brand'])).
import { h, fill } from './dom.js';
import { api, ApiError } from './api.js';
import { t, errorText, num, LOCALES } from './i18n.js';

const PROPS = ['--brand-accent', '--brand-bg', '--brand-ink', '--brand-accent-ink', '--brand-scale'];

function ensureStyles() {
  if (document.querySelector('link[data-brand-css]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: '/assets/brand.css', 'data-brand-css': '' }));
}

// Applies `settings` (the body of GET /presentations/{id}/settings); null
// takes the brand off.
export function applyBrand(settings) {
  const root = document.documentElement;
  if (!settings || !settings.palette) {
    for (const p of PROPS) root.style.removeProperty(p);
    root.classList.remove('branded');
    return;
  }
  const { palette } = settings;
  root.style.setProperty('--brand-accent', palette.accent);
  root.style.setProperty('--brand-bg', palette.background);
  root.style.setProperty('--brand-ink', palette.ink);
  root.style.setProperty('--brand-accent-ink', palette.accent_ink);
  root.style.setProperty('--brand-scale', String(settings.type_scale || 1));
  root.classList.add('branded');
}

// The big screen's own look (screen.css): white on navy, made for
// projectors. It takes the event's palette only when the chosen background
// is dark (the server gives it white ink); a light background would wash
// out on a projector, so the screen keeps its own. The big screen applies
// this, and the console's preview shows it, so the two cannot disagree.
export const SCREEN_LOOK = { background: '#0b1020', ink: '#ffffff', accent: '#60a5fa', accent_ink: '#0b1020' };
export function screenPalette(settings) {
  const palette = settings && settings.palette;
  return palette && /^#f{6}$/i.test(palette.ink) ? palette : null;
}

// Reads the settings and applies them; returns them (null when they could
// not be read: the page keeps its own look).
export async function loadBrand(presentationId) {
  try {
    const settings = await api('GET', `/presentations/${presentationId}/settings`);
    applyBrand(settings);
    return settings;
  } catch {
    return null;
  }
}

// The settings field each problem code is about, for the error beside it.
const FIELD_OF = {
  invalid_title: 'title', invalid_locale: 'locale', invalid_accent: 'accent',
  invalid_background: 'background', invalid_type_scale: 'type_scale',
};

let panels = 0;

// The console's settings panel for presentation `id`, run with `token`.
export function settingsPanel(presentationId, token) {
  ensureStyles();
  const n = ++panels;
  const idOf = (name) => `brand-${n}-${name}`;
  const base = `/presentations/${presentationId}`;
  let current = null;

  const summary = h('div', { class: 'brand-summary', role: 'alert', tabindex: '-1', hidden: true });
  const status = h('p', { class: 'brand-status', role: 'status' });
  const errors = {};
  const field = (name, label, hint, control) => {
    errors[name] = h('p', { class: 'brand-error', id: idOf(`${name}-error`) });
    control.id = idOf(name);
    control.setAttribute('aria-describedby', `${idOf(`${name}-hint`)} ${idOf(`${name}-error`)}`);
    return h('div', { class: 'brand-field' },
      h('label', { for: control.id }, label),
      h('p', { class: 'brand-hint', id: idOf(`${name}-hint`) }, hint),
      errors[name], control);
  };
  const toggle = (name, label, hint) => {
    const box = h('input', { type: 'checkbox', id: idOf(name), 'aria-describedby': idOf(`${name}-hint`) });
    return [box, h('div', { class: 'brand-switch' }, box,
      h('label', { for: box.id }, label),
      h('p', { class: 'brand-hint', id: idOf(`${name}-hint`) }, hint))];
  };

  const title = h('input', { type: 'text', maxlength: '120', autocomplete: 'off', dir: 'auto' });
  const localeSelect = h('select', {},
    Object.entries(LOCALES).map(([tag, name]) => h('option', { value: tag, lang: tag }, name)));
  const [qa, qaField] = toggle('qa', t('brand-qa-always-open'), t('brand-qa-always-open-hint'));
  const [hide, hideField] = toggle('hide', t('brand-hide-results'), t('brand-hide-results-hint'));
  const accent = h('input', { type: 'color' });
  const background = h('input', { type: 'color' });
  const scale = h('input', { type: 'range', min: '0.8', max: '1.6', step: '0.05' });
  const scaleValue = h('output', { class: 'brand-scale-value' });
  const contrast = h('p', { class: 'brand-contrast', 'aria-live': 'polite' });
  const preview = h('div', { class: 'brand-preview', 'aria-hidden': 'true' },
    h('span', { class: 'brand-preview-text' }, t('brand-preview-text')),
    h('span', { class: 'brand-preview-accent' }, t('brand-preview-accent')));
  const previewNote = h('p', { class: 'brand-hint brand-preview-note' }, t('brand-preview-screen-own'));
  const save = h('button', { type: 'submit', class: 'primary' }, t('brand-save'));

  const logoImg = h('img', { class: 'brand-logo-img', alt: t('brand-logo-alt'), hidden: true });
  const logoNone = h('p', { class: 'brand-hint' }, t('brand-logo-none'));
  const logoFile = h('input', { type: 'file', accept: 'image/png,image/jpeg,image/webp,image/gif' });
  const logoStatus = h('p', { class: 'brand-status', role: 'status' });
  errors.logo = h('p', { class: 'brand-error', id: idOf('logo-error') });
  const upload = h('button', { type: 'button', onclick: () => uploadLogo() }, t('brand-logo-upload'));
  const remove = h('button', { type: 'button', onclick: () => removeLogo() }, t('brand-logo-remove'));

  const showScale = () => fill(scaleValue, num(Number(scale.value), { style: 'percent' }));
  scale.addEventListener('input', showScale);

  // What the big screen will show, as a swatch (its own look unless the
  // chosen background is dark), and the accent's contrast in words.
  function showPalette(s) {
    const chosen = screenPalette(s);
    const look = chosen || SCREEN_LOOK;
    preview.style.backgroundColor = look.background;
    preview.style.color = look.ink;
    const chip = preview.lastChild;
    chip.style.backgroundColor = look.accent;
    chip.style.color = look.accent_ink;
    previewNote.hidden = Boolean(chosen);
    const warning = (s.warnings || []).find((w) => w.code === 'accent_contrast');
    contrast.classList.toggle('warn', Boolean(warning));
    fill(contrast, warning
      ? t('brand-contrast-warning', { ratio: num(warning.ratio, { maximumFractionDigits: 1 }), adjusted: num(warning.adjusted_ratio, { maximumFractionDigits: 1 }) })
      : t('brand-contrast-ok'));
  }

  function show(s) {
    current = s;
    title.value = s.title || '';
    localeSelect.value = s.locale;
    qa.checked = s.qa_always_open;
    hide.checked = s.hide_results_until_closed;
    accent.value = s.accent;
    background.value = s.background;
    scale.value = String(s.type_scale);
    showScale();
    showPalette(s);
    logoImg.hidden = !s.logo;
    logoNone.hidden = Boolean(s.logo);
    if (s.logo) logoImg.src = s.logo.url;
  }

  function clearErrors() {
    for (const el of Object.values(errors)) fill(el);
    summary.hidden = true;
    fill(summary);
  }

  // GOV.UK's pattern: the message beside its field, and a summary at the
  // top that links to it.
  function showError(error) {
    const name = FIELD_OF[error.code];
    const text = errorText(error);
    if (!name) {
      fill(status, text);
      return;
    }
    fill(errors[name], text);
    fill(summary, h('h3', {}, t('brand-errors-title')),
      h('ul', {}, h('li', {}, h('a', { href: `#${idOf(name)}`, onclick: (e) => { e.preventDefault(); document.getElementById(idOf(name)).focus(); } }, text))));
    summary.hidden = false;
    summary.focus();
  }

  // Only what changed is sent.
  function changes() {
    const body = {};
    if ((current.title || '') !== title.value.trim()) body.title = title.value.trim() || null;
    if (current.locale !== localeSelect.value) body.locale = localeSelect.value;
    if (current.qa_always_open !== qa.checked) body.qa_always_open = qa.checked;
    if (current.hide_results_until_closed !== hide.checked) body.hide_results_until_closed = hide.checked;
    if (current.accent !== accent.value) body.accent = accent.value;
    if (current.background !== background.value) body.background = background.value;
    if (Math.abs(current.type_scale - Number(scale.value)) > 0.001) body.type_scale = Number(scale.value);
    return body;
  }

  async function submit(e) {
    e.preventDefault();
    if (!current || save.disabled) return;
    clearErrors();
    save.disabled = true;
    fill(status, t('brand-saving'));
    try {
      show(await api('PATCH', `${base}/settings`, { body: changes(), token }));
      fill(status, t('brand-saved'));
    } catch (error) {
      fill(status);
      showError(error);
    } finally {
      save.disabled = false;
    }
  }

  async function sendLogo(method, file) {
    const headers = { Accept: 'application/json', Authorization: `Bearer ${token}` };
    let res;
    try {
      res = await fetch(`${base}/logo`, { method, headers, body: file, cache: 'no-store' });
    } catch {
      throw new ApiError(0, {});
    }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, body);
    return body;
  }

  async function logoAction(button, run, done) {
    fill(errors.logo);
    fill(logoStatus);
    button.disabled = true;
    try {
      show(await run());
      fill(logoStatus, t(done));
    } catch (error) {
      fill(errors.logo, errorText(error));
    } finally {
      button.disabled = false;
      button.focus();
    }
  }

  function uploadLogo() {
    const file = logoFile.files && logoFile.files[0];
    if (!file) {
      fill(errors.logo, t('brand-logo-choose'));
      logoFile.focus();
      return;
    }
    logoAction(upload, () => sendLogo('PUT', file), 'brand-logo-uploaded');
  }

  function removeLogo() {
    logoAction(remove, () => sendLogo('DELETE'), 'brand-logo-removed');
  }

  logoFile.id = idOf('logo');
  logoFile.setAttribute('aria-describedby', `${idOf('logo-hint')} ${idOf('logo-error')}`);
  const form = h('form', { class: 'brand-form', novalidate: true, onsubmit: submit },
    summary,
    field('title', t('brand-title'), t('brand-title-hint'), title),
    field('locale', t('brand-locale'), t('brand-locale-hint'), localeSelect),
    qaField, hideField,
    h('div', { class: 'brand-colours' },
      field('accent', t('brand-accent'), t('brand-accent-hint'), accent),
      field('background', t('brand-background'), t('brand-background-hint'), background)),
    field('type_scale', t('brand-type-scale'), t('brand-type-scale-hint'), scale), scaleValue,
    h('h3', {}, t('brand-preview')), preview, previewNote, contrast,
    h('div', { class: 'brand-actions' }, save, status));
  const logo = h('div', { class: 'brand-logo' },
    h('h3', {}, t('brand-logo')),
    h('p', { class: 'brand-hint', id: idOf('logo-hint') }, t('brand-logo-hint')),
    logoImg, logoNone,
    h('label', { for: logoFile.id }, t('brand-logo-file')), errors.logo, logoFile,
    h('div', { class: 'brand-actions' }, upload, remove), logoStatus);
  const panel = h('section', { class: 'brand-panel', 'aria-labelledby': idOf('heading') },
    h('h2', { id: idOf('heading') }, t('brand-heading')), form, logo);

  api('GET', `${base}/settings`).then(show, (error) => fill(status, errorText(error)));
  return panel;
}
