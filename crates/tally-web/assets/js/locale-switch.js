// The language switch: a labelled select of the shipped languages, each
// named in itself. Choosing one loads it, remembers it in this browser and
// fires `localechange`, on which the page draws itself again.
import { h } from './dom.js';
import { LOCALES, locale, setLocale, t } from './i18n.js';

export function localeSwitch({ id = 'locale-switch' } = {}) {
  const select = h('select', {
    id,
    onchange: (e) => setLocale(e.target.value),
  }, Object.entries(LOCALES).map(([tag, name]) => h('option', { value: tag, lang: tag, selected: tag === locale() }, name)));
  return h('label', { class: 'locale-switch' }, h('span', {}, t('language')), ' ', select);
}

// Draws the page again in the new language when the switch changes it,
// keeping what was typed into its fields (by id) and the focus on the
// switch: a judge halfway through a sheet loses nothing by switching.
export function redrawOnLocaleChange(root, draw) {
  addEventListener('localechange', async () => {
    const typed = [...root.querySelectorAll('input, textarea, select')]
      .filter((el) => el.id && el.id !== 'locale-switch')
      .map((el) => [el.id, el.type === 'checkbox' ? el.checked : el.value]);
    // A draw may be async (a key prompt makes sure its messages are loaded).
    await draw();
    for (const [id, value] of typed) {
      const el = document.getElementById(id);
      if (!el) continue;
      if (el.type === 'checkbox') el.checked = value;
      else el.value = value;
    }
    const select = document.getElementById('locale-switch');
    if (select) select.focus();
  });
}
