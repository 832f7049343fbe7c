// The phone's dark look: an event whose background is dark (the server
// gave it white ink) puts its background, ink and accent on the whole
// page. The server promises only that ink and accent read (WCAG AA,
// 4.5:1) on the background itself; every other colour the page needs
// (a card's faint surface, the selected tile's tint, quieter text, green
// and red, lines) is derived here and kept only where it is measured to
// still read, else it falls back to the background or the ink. The values
// go on <html> as --dark-*; phone.css maps them under `html.phone-dark`.

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex = (c) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
// a towards b by t (0–1), in sRGB as CSS's colours are.
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const lum = (c) => {
  const [r, g, b] = c.map((v) => {
    const x = v / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
export const contrast = (a, b) => {
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

// The first candidate that reads at `ratio` on every one of `grounds`.
const first = (candidates, grounds, ratio) => candidates.find((c) => grounds.every((g) => contrast(c, g) >= ratio));
const STEPS = [0.3, 0.24, 0.18, 0.12, 0.08, 0.05, 0.03, 0];

// Whether a palette (GET …/settings' `palette`) is a dark one.
export const isDark = (palette) => !!palette && /^#[0-9a-f]{6}$/i.test(palette.ink) && lum(rgb(palette.ink)) > 0.5;

// The derived colours of a dark palette, as CSS custom properties.
export function darkTheme(palette) {
  const bg = rgb(palette.background);
  const ink = rgb(palette.ink);
  const accent = rgb(palette.accent);
  const reads = (c) => contrast(ink, c) >= 4.5 && contrast(accent, c) >= 4.5;
  // A card: the background lifted a little towards the ink, as long as
  // the ink and the accent still read on it.
  const surface = STEPS.filter((t) => t <= 0.08).map((t) => mix(bg, ink, t)).find(reads) || bg;
  // A chosen tile, a rank's number: the background tinted by the accent.
  const soft = STEPS.filter((t) => t <= 0.24).map((t) => mix(bg, accent, t)).find(reads) || bg;
  const grounds = [bg, surface, soft];
  // Quieter text: the ink towards the background, still 4.5:1 on each.
  const muted = first(STEPS.map((t) => mix(ink, bg, t)), grounds, 4.5);
  const good = first(['#4ade80', '#86efac', '#bbf7d0'].map(rgb), grounds, 4.5) || ink;
  const bad = first(['#f87171', '#fca5a5', '#fecaca'].map(rgb), grounds, 4.5) || ink;
  // Lines: a control's edge (a segment row, a tile's mark) at 3:1 (WCAG
  // 1.4.11), a card's edge fainter (the card is known by its text).
  const control = first([0.45, 0.35, 0.25, 0.15, 0].map((t) => mix(ink, bg, t)), [bg, surface], 3);
  return {
    '--dark-surface': hex(surface),
    '--dark-soft': hex(soft),
    '--dark-muted': hex(muted),
    '--dark-good': hex(good),
    '--dark-bad': hex(bad),
    '--dark-control': hex(control),
    '--dark-line': hex(mix(bg, ink, 0.28)),
    '--dark-track': hex(mix(bg, ink, 0.18)),
  };
}

const NAMES = ['--dark-surface', '--dark-soft', '--dark-muted', '--dark-good', '--dark-bad', '--dark-control', '--dark-line', '--dark-track'];

// Puts the dark look on the page for `palette`, or takes it off (null).
export function applyDark(palette) {
  const root = document.documentElement;
  const on = isDark(palette);
  if (on) for (const [k, v] of Object.entries(darkTheme(palette))) root.style.setProperty(k, v);
  else for (const k of NAMES) root.style.removeProperty(k);
  root.classList.toggle('phone-dark', on);
}
