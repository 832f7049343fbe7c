// The timer's live countdown. A state message says how long was left when
// the server sent it (`ms_left`); the console counts down from there with
// its own monotonic clock, so a wrong clock on the presenter's laptop
// does not matter. It ticks four times a second and says "Time is up" at
// zero. The bar shows the share left of the longest time seen for this
// deadline (an extension makes it longer).
import { h, fill } from '../dom.js';
import { t, num } from '../i18n.js';
import { ctx } from './context.js';

let ticking = null;
let longest = 0;
let wasOver = false;
let onZero = () => {};
let timerOf = null; // the poll and round the timer belongs to

// Milliseconds left now, or null without a timer.
export function msLeft() {
  const s = ctx.state;
  if (!s || s.deadline_ms == null) return null;
  return Math.max(0, s.ms_left - (performance.now() - ctx.stateAt));
}

const clock = (ms) => {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const sec = total % 60;
  return `${num(m)}:${num(sec, { minimumIntegerDigits: 2 })}`;
};

function draw() {
  const el = document.getElementById('countdown');
  if (!el) return;
  const left = msLeft();
  // No timer, or voting closed by hand before it ran out: nothing counts.
  if (left == null || (!ctx.state.voting_open && left > 0)) {
    el.hidden = true;
    return;
  }
  el.hidden = false;
  const over = left <= 0;
  el.classList.toggle('over', over);
  el.classList.toggle('soon', !over && left <= 10000);
  fill(el.querySelector('.countdown-text'), over ? t('console-time-up') : t('console-time-left', { time: clock(left) }));
  el.querySelector('.countdown-fill').style.width = `${longest > 0 ? (left / longest) * 100 : 0}%`;
  if (over) {
    // Nothing moves any more until the next state (an extension).
    clearInterval(ticking);
    ticking = null;
  }
  if (over && !wasOver) {
    wasOver = true;
    onZero();
  }
}

// What to do once when the time runs out (the console redraws the slide:
// voting is closed from then on).
export const whenTimeIsUp = (fn) => { onZero = fn; };

// The countdown's element, drawn into the slide card.
export const countdownElement = () => h('div', { class: 'countdown', id: 'countdown', hidden: true },
  h('span', { class: 'countdown-text', role: 'timer' }),
  h('span', { class: 'countdown-track', 'aria-hidden': 'true' }, h('span', { class: 'countdown-fill' })));

// A new state arrived: follow its timer.
export function followTimer() {
  const s = ctx.state;
  if (!s || s.deadline_ms == null) {
    timerOf = null;
    longest = 0;
    clearInterval(ticking);
    ticking = null;
  } else {
    const of = `${s.poll && s.poll.poll_id} ${s.round}`;
    if (timerOf !== of) longest = 0;
    timerOf = of;
    longest = Math.max(longest, s.ms_left);
    if (msLeft() > 0) wasOver = false;
    if (!ticking) ticking = setInterval(draw, 250);
  }
  draw();
}
