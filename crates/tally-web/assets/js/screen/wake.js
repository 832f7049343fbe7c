// What the presenter needs and the room does not (the big screen's key
// hint, the reveal's buttons) stays off the projected picture: it shows
// for a few seconds after the page loads, while the mouse moves, and when
// H or ? is pressed, then goes away again. While shown, <body> carries the
// class `awake`; the stylesheet decides what that shows (screen.css).
const AWAKE_MS = 4000;

export function wakeOnActivity({ ms = AWAKE_MS } = {}) {
  let timer = null;
  const wake = () => {
    document.body.classList.add('awake');
    clearTimeout(timer);
    timer = setTimeout(() => document.body.classList.remove('awake'), ms);
  };
  addEventListener('mousemove', wake, { passive: true });
  addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // H by position (any layout, Arabic included), ? by the character.
    if (e.code === 'KeyH' || e.key === '?') wake();
  });
  wake();
  return wake;
}
