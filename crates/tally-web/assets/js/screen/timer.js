// The countdown on the big screen: a ring that empties with the seconds
// left, by the server's clock (the state carries the deadline and the
// server's time, so a screen whose clock is off still agrees with the
// phones), and "Voting closed" the moment it reaches zero, not on the next
// message.
import { h } from '../dom.js';
import { t, num } from '../i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
};

export class Countdown {
  constructor() {
    this.ring = svg('svg', { class: 'ring', viewBox: '0 0 36 36', 'aria-hidden': 'true', focusable: 'false' });
    this.ring.append(svg('circle', { class: 'ring-track', cx: 18, cy: 18, r: 15.5 }),
      this.arc = svg('circle', { class: 'ring-arc', cx: 18, cy: 18, r: 15.5, pathLength: 100 }));
    this.secs = h('span', { class: 'ring-secs' });
    this.el = h('span', { class: 'countdown', hidden: true }, this.ring, this.secs);
    this.deadline = null;
    this.total = 1;
    this.skew = 0;
  }

  // From a state message: `voting_open`, and with a timer `deadline_ms`,
  // `ms_left` and `server_time_ms`.
  set(state) {
    const deadline = state && state.voting_open && state.deadline_ms != null ? state.deadline_ms : null;
    if (deadline !== this.deadline) {
      // The ring's whole is the time left when this deadline was first seen.
      this.total = Math.max(1, state ? state.ms_left || 0 : 1);
    }
    this.deadline = deadline;
    this.open = !!(state && state.voting_open);
    if (state && state.server_time_ms) this.skew = state.server_time_ms - Date.now();
  }

  left() {
    return this.deadline == null ? null : Math.max(0, this.deadline - (Date.now() + this.skew));
  }

  // Whether voting is open now: the presenter's switch, and the timer.
  isOpen() {
    const left = this.left();
    return this.open && (left == null || left > 0);
  }

  // Redraws the ring; returns the status words.
  tick() {
    const left = this.left();
    const running = this.isOpen() && left != null;
    this.el.hidden = !running;
    if (running) {
      const s = Math.ceil(left / 1000);
      const words = t('seconds-left', { s: num(s) });
      if (this.secs.textContent !== words) this.secs.textContent = words;
      this.arc.style.strokeDashoffset = `${100 - (left / this.total) * 100}`;
      this.el.classList.toggle('urgent', s <= 5);
    }
    return this.isOpen() ? t('voting-open') : t('voting-closed');
  }
}
