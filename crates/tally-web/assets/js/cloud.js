// Lays out a word cloud: the most frequent word in the middle, the others
// placed along an Archimedean spiral at the first spot where their box
// overlaps no word placed before. Font size grows with the square root of
// the count. When a word finds no spot, the whole cloud is laid out again
// smaller, so every word is shown (a word is dropped only when even the
// smallest size, `minSize`, cannot hold them all). Positions are
// deterministic for the same words, so a cloud that gains a vote moves
// little.
import { t, num } from './i18n.js';

const measure = document.createElement('canvas').getContext('2d');

// The spiral is walked in steps of about STEP px along its arc: a fixed
// angle step would leap hundreds of pixels at the rim and miss the gaps.
const STEP = 10;
const GAP = 4;

function place(words, { width, height, family, maxSize, minSize, top }) {
  const placed = [];
  const spots = [];
  for (const w of words) {
    let size = minSize + (maxSize - minSize) * Math.sqrt(w.count / top);
    measure.font = `700 ${size}px ${family}`;
    let bw = Math.ceil(measure.measureText(w.word).width) + GAP * 2;
    if (bw > width) {
      // A long word shrinks to the width rather than being cut off.
      size = (size * width) / bw;
      measure.font = `700 ${size}px ${family}`;
      bw = Math.ceil(measure.measureText(w.word).width) + GAP * 2;
    }
    const bh = Math.ceil(size * 1.15);
    let spot = null;
    // Past this radius the spiral's ellipse has left the box's corners.
    const rim = (height / 2) * Math.SQRT2 + bh;
    for (let a = 0, r = 0; r < rim; ) {
      const x = width / 2 + r * Math.cos(a) * (width / height) - bw / 2;
      const y = height / 2 + r * Math.sin(a) - bh / 2;
      if (x >= 0 && y >= 0 && x + bw <= width && y + bh <= height
        && placed.every((p) => x + bw <= p.x || p.x + p.w <= x || y + bh <= p.y || p.y + p.h <= y)) {
        spot = { x, y, w: bw, h: bh };
        break;
      }
      a += Math.min(0.5, STEP / Math.max(r * (width / height), 1));
      r = 2 * a;
    }
    if (!spot) return { spots, complete: false };
    placed.push(spot);
    spots.push({ w, size, spot });
  }
  return { spots, complete: true };
}

// Lays `words` (most frequent first) out in `el`. `minSize` is the
// smallest font size allowed (px); at most `limit` words are shown.
// Returns how many were placed.
export function layoutCloud(el, words, { minSize = 12, limit = 100 } = {}) {
  const width = el.clientWidth || 800;
  const height = el.clientHeight || 400;
  const list = words.slice(0, limit);
  const top = Math.max(1, ...list.map((w) => w.count));
  const family = getComputedStyle(el).fontFamily || 'sans-serif';
  const key = `${width}x${height}|${minSize}|${list.map((w) => `${w.word}\u0001${w.count}`).join('\u0002')}`;
  if (el.dataset.layout === key) return el.children.length;
  el.dataset.layout = key;
  let maxSize = Math.max(minSize * 1.5, Math.min(height / 4, width / 8));
  let out = place(list, { width, height, family, maxSize, minSize, top });
  for (let i = 0; !out.complete && i < 12; i++) {
    maxSize = Math.max(minSize, maxSize * 0.85);
    out = place(list, { width, height, family, maxSize, minSize, top });
    if (maxSize === minSize) break;
  }
  const keep = new Set();
  for (const { w, size, spot } of out.spots) {
    const k = w.entry_id || w.word;
    keep.add(k);
    let span = [...el.children].find((s) => s.dataset.key === k);
    if (!span) {
      span = document.createElement('span');
      span.dataset.key = k;
      span.dir = 'auto';
      el.append(span);
    }
    span.textContent = w.word;
    span.title = t('results-cloud-word', { word: w.word, count: num(w.count) });
    span.style.fontSize = `${size.toFixed(1)}px`;
    span.style.left = `${Math.round(spot.x + GAP)}px`;
    span.style.top = `${Math.round(spot.y)}px`;
  }
  for (const span of [...el.children]) if (!keep.has(span.dataset.key)) span.remove();
  return out.spots.length;
}
