// A content slide's body (issue 26), drawn from the blocks the server
// parsed its Markdown into (`body_blocks`): paragraphs and lists of text
// spans, bold or italic. Every piece goes in as a text node (dom.js), so
// a body can never become markup on a phone or the big screen.
import { h } from './dom.js';

const span = (s) => {
  const text = s.text || '';
  if (s.strong && s.emphasis) return h('strong', {}, h('em', {}, text));
  if (s.strong) return h('strong', {}, text);
  if (s.emphasis) return h('em', {}, text);
  return text;
};

const spans = (list) => (list || []).map(span);

function block(b) {
  if (b.kind === 'bullets') return h('ul', {}, (b.items || []).map((item) => h('li', {}, spans(item))));
  if (b.kind === 'numbered') {
    return h('ol', { start: b.start > 1 ? b.start : null }, (b.items || []).map((item) => h('li', {}, spans(item))));
  }
  return h('p', {}, spans(b.spans));
}

// The body as one element (empty when the slide has only its heading).
export function contentBody(poll, attrs = {}) {
  return h('div', { class: 'content-body', dir: 'auto', ...attrs }, (poll.body_blocks || []).map(block));
}

