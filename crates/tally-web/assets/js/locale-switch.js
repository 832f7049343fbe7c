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
