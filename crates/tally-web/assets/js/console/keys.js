// The console's keys: → and PageDown move on, ← and PageUp move back
// (a presentation clicker sends PageUp and PageDown), Space opens or
// closes voting, R shows or hides the results.
//
// Each press acts once. A button keeps focus after it is clicked, and a
// browser presses a focused button on Space: before, a click on Next and
// then Space moved a second slide instead of closing voting. So on a
// focused button or link the shortcut keys are the console's too, and the
// browser's own press is cancelled on both keydown and keyup (Enter still
// presses the focused button). A held key repeats: only the first press
// counts. Only fields that take typing (and the slide list, whose arrows
// choose a slide) keep their keys.
import { may } from './context.js';

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

function shortcut(e) {
  if (e.altKey || e.ctrlKey || e.metaKey || !may('run')) return null;
  const target = e.target;
  if (target && target.closest && target.closest(TYPING)) return null;
  if (document.querySelector('dialog[open]')) return null;
  switch (e.key) {
    case 'ArrowRight': case 'PageDown': return 'next';
    case 'ArrowLeft': case 'PageUp': return 'previous';
    case ' ': case 'Spacebar': return 'toggleVoting';
    case 'r': case 'R': return 'toggleResults';
    default: return null;
  }
}

export function installKeys(actions) {
  // Capture: the console sees the key before a focused button does.
  document.addEventListener('keydown', (e) => {
    const name = shortcut(e);
    if (!name) return;
    e.preventDefault();
    if (e.repeat) return;
    actions[name]();
  }, true);
  document.addEventListener('keyup', (e) => {
    if (shortcut(e)) e.preventDefault();
  }, true);
}
