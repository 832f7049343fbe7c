// Fitting a slide to the projector: a projector has no scroll bar, so type
// is sized to what was laid out, and a list that does not fit at the
// smallest readable size is split into pages that cycle by themselves,
// with "2 / 3" and a progress bar, so that every item is shown.
import { t } from '../i18n.js';

// The smallest type on the big screen, as a share of the window's height:
// read from the back of a room (the test holds every text to 1.8 %).
export const MIN_TYPE = 0.019;
// Every page of a list is shown within this long.
const CYCLE_MS = 28000;
const PAGE_MIN_MS = 3000;
const PAGE_MAX_MS = 9000;

export const vh = () => window.innerHeight / 100;

const overflows = (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

// The largest font size (px) between `min` and `max` at which `fits()`
// holds, by bisection; `min` when none does (the caller then paginates).
export function fitFont(el, fits, min, max) {
  el.style.fontSize = `${max}px`;
  if (fits()) return max;
  let lo = min;
  let hi = max;
  el.style.fontSize = `${min}px`;
  if (!fits()) return min;
  for (let i = 0; i < 7 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2;
    el.style.fontSize = `${mid}px`;
    if (fits()) lo = mid;
    else hi = mid;
  }
  el.style.fontSize = `${lo}px`;
  return lo;
}

// A text block (the question) sized to at most `maxHeight` px tall.
export function fitBlock(el, { min, max, maxHeight }) {
  el.style.maxHeight = '';
  return fitFont(el, () => el.scrollHeight <= maxHeight && el.scrollWidth <= el.clientWidth + 1, min, max);
}

// A list (its items are the element's children) fitted into `area`, and
// paginated when it cannot fit at `min`. `pager` is the indicator element
// (holding `.page-of` and `.progress > span`). Keeps the page on show
// across refits where it can.
export class Pages {
  constructor(pager) {
    this.pager = pager;
    this.page = 0;
    this.count = 1;
    this.timer = 0;
    this.list = null;
  }

  fit(area, list, { min, max }) {
    this.list = list;
    for (const li of list.children) li.hidden = false;
    this.showPager(false);
    const fits = () => !overflows(area) && list.scrollWidth <= list.clientWidth + 1;
    fitFont(list, fits, min, max);
    if (fits()) {
      this.count = 1;
      this.page = 0;
      this.stop();
      return;
    }
    // Too many for one screen at the smallest readable size: pages, each
    // a run of whole rows (items sharing a top, in a grid) that fits.
    this.showPager(true);
    const room = area.clientHeight;
    const top0 = list.getBoundingClientRect().top;
    const rows = [];
    for (const li of list.children) {
      const r = li.getBoundingClientRect();
      const top = r.top - top0;
      const row = rows.find((x) => Math.abs(x.top - top) < 2);
      if (row) {
        row.items.push(li);
        row.bottom = Math.max(row.bottom, r.bottom - top0);
      } else rows.push({ top, bottom: r.bottom - top0, items: [li] });
    }
    rows.sort((a, b) => a.top - b.top);
    let page = 0;
    let start = rows.length ? rows[0].top : 0;
    for (const row of rows) {
      if (row.bottom - start > room && row.top > start) {
        page++;
        start = row.top;
      }
      for (const li of row.items) li.dataset.page = page;
    }
    this.count = page + 1;
    if (this.page >= this.count) this.page = 0;
    this.show(this.page);
    this.start();
  }

  // Items dropped or added without a refit (a reorder) keep their pages;
  // this only re-applies which page is on show.
  show(page) {
    this.page = page;
    if (!this.list) return;
    for (const li of this.list.children) li.hidden = this.count > 1 && Number(li.dataset.page || 0) !== page;
    const of = this.pager.querySelector('.page-of');
    of.textContent = t('page-of', { page: page + 1, pages: this.count });
    const bar = this.pager.querySelector('.progress > span');
    // Restarts the bar's fill for this page (a CSS animation).
    bar.classList.remove('run');
    void bar.offsetWidth;
    bar.style.animationDuration = `${this.dwell()}ms`;
    bar.classList.add('run');
  }

  dwell() {
    return Math.max(PAGE_MIN_MS, Math.min(PAGE_MAX_MS, CYCLE_MS / this.count));
  }

  start() {
    this.stop();
    this.timer = setTimeout(() => {
      this.show((this.page + 1) % this.count);
      this.start();
    }, this.dwell());
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = 0;
  }

  showPager(on) {
    this.pager.hidden = !on;
  }

  reset() {
    this.stop();
    this.page = 0;
    this.count = 1;
    this.list = null;
    this.showPager(false);
  }
}
