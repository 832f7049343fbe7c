// The big screen's motion: numbers that count up, lists whose items slide
// to their new places (FLIP: measure First, change, Invert, Play). Nothing
// moves for people who asked their system for reduced motion. Count-ups
// share one requestAnimationFrame loop, so ten result updates a second cost
// one text write per changed number per frame.
export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

const COUNT_MS = 450;
const tweens = new Map();
let frame = 0;

const ease = (p) => 1 - (1 - p) ** 3;

function tick(now) {
  frame = 0;
  for (const [el, tw] of tweens) {
    const p = Math.min(1, (now - tw.start) / COUNT_MS);
    const e = ease(p);
    const v = {};
    for (const k of Object.keys(tw.to)) v[k] = tw.from[k] + (tw.to[k] - tw.from[k]) * e;
    el.textContent = tw.format(p === 1 ? tw.to : v, p === 1);
    tw.now = v;
    if (p === 1) tweens.delete(el);
  }
  if (tweens.size) frame = requestAnimationFrame(tick);
}

// Shows `to` (an object of numbers) in `el` as `format(values, final)`
// writes it, counting up from what `el` showed before. `format` gets the
// in-between values unrounded and rounds them itself.
export function countTo(el, to, format) {
  const prev = el.tallyValues;
  el.tallyValues = to;
  const same = prev && Object.keys(to).every((k) => prev[k] === to[k]);
  if (!prev || reducedMotion() || !el.isConnected) {
    tweens.delete(el);
    el.textContent = format(to, true);
    return;
  }
  // A vote or two more is written at once: counting up every small step
  // of a busy room would repaint numbers on every frame for nothing.
  const small = prev && Object.keys(to).every((k) => Math.abs((to[k] || 0) - (prev[k] || 0)) <= Math.max(2, Math.abs(prev[k] || 0) * 0.05));
  if (small && !tweens.has(el)) {
    el.textContent = format(to, true);
    return;
  }
  if (same && !tweens.has(el)) {
    // Same figures, maybe new words (the language changed).
    el.textContent = format(to, true);
    return;
  }
  const running = tweens.get(el);
  const from = running && running.now ? running.now : prev;
  tweens.set(el, { from: { ...to, ...pick(from, to) }, to, format, start: performance.now() });
  if (!frame) frame = requestAnimationFrame(tick);
}

function pick(from, to) {
  const out = {};
  for (const k of Object.keys(to)) if (typeof from[k] === 'number') out[k] = from[k];
  return out;
}

// Runs `change` (which reorders the children of `list`), then slides each
// child that moved from its old place to its new one.
export function flip(list, change) {
  if (reducedMotion()) {
    change();
    return;
  }
  const before = new Map();
  for (const el of list.children) if (el.offsetParent) before.set(el, el.getBoundingClientRect());
  change();
  const moved = [];
  for (const el of list.children) {
    const old = before.get(el);
    if (!old || !el.offsetParent) continue;
    const now = el.getBoundingClientRect();
    const dx = old.left - now.left;
    const dy = old.top - now.top;
    if (Math.abs(dx) < 1 && Math.abs(dy) < 1) continue;
    el.style.transition = 'none';
    el.style.transform = `translate(${dx}px, ${dy}px)`;
    moved.push(el);
  }
  if (!moved.length) return;
  requestAnimationFrame(() => {
    for (const el of moved) {
      el.style.transition = 'transform 450ms cubic-bezier(0.2, 0.8, 0.2, 1)';
      el.style.transform = '';
    }
  });
}
