// Lays out a word cloud: the most frequent word in the middle, the others
// placed along an Archimedean spiral at the first spot where their box
// overlaps no word placed before. Font size grows with the square root of
// the count. Positions are deterministic for the same words, so a cloud
// that gains a vote moves little.
const measure = document.createElement('canvas').getContext('2d');

export function layoutCloud(el, words) {
  const width = el.clientWidth || 800;
  const height = el.clientHeight || 400;
  const top = Math.max(1, ...words.map((w) => w.count));
  const family = getComputedStyle(el).fontFamily || 'sans-serif';
  const maxSize = Math.max(18, Math.min(height / 4, width / 8));
  const minSize = Math.max(12, maxSize / 6);
  const placed = [];
  const keep = new Set();
  for (const w of words.slice(0, 100)) {
    let size = Math.round(minSize + (maxSize - minSize) * Math.sqrt(w.count / top));
    measure.font = `700 ${size}px ${family}`;
    let bw = Math.ceil(measure.measureText(w.word).width) + 8;
    if (bw > width * 0.95) {
      // A long entry shrinks to fit rather than being cut off.
      size = Math.max(8, Math.floor((size * width * 0.95) / bw));
      measure.font = `700 ${size}px ${family}`;
      bw = Math.ceil(measure.measureText(w.word).width) + 8;
    }
    const bh = Math.ceil(size * 1.1);
    let spot = null;
    for (let t = 0; t < 2400; t += 1) {
      const a = t * 0.3;
      const r = 2.2 * a;
      const x = width / 2 + r * Math.cos(a) * 1.6 - bw / 2;
      const y = height / 2 + r * Math.sin(a) - bh / 2;
      if (x < 0 || y < 0 || x + bw > width || y + bh > height) continue;
      if (placed.every((p) => x + bw <= p.x || p.x + p.w <= x || y + bh <= p.y || p.y + p.h <= y)) {
        spot = { x, y, w: bw, h: bh };
        break;
      }
    }
    if (!spot) continue;
    placed.push(spot);
    const key = w.entry_id || w.word;
    keep.add(key);
    let span = el.querySelector(`:scope > span[data-key="${CSS.escape(key)}"]`);
    if (!span) {
      span = document.createElement('span');
      span.dataset.key = key;
      el.append(span);
    }
    span.textContent = w.word;
    span.title = `${w.word}: ${w.count}`;
    span.style.fontSize = `${size}px`;
    span.style.left = `${Math.round(spot.x)}px`;
    span.style.top = `${Math.round(spot.y)}px`;
  }
  for (const span of [...el.children]) if (!keep.has(span.dataset.key)) span.remove();
}
