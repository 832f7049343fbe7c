// How to join, on the big screen: large (the URL, the code and the QR
// code) while the room is arriving, a thin strip once the audience is in
// so that the slide gets the room. Keys: J brings the large join back (or
// sends it away), Q shows the QR code across the screen, Escape closes
// both. Keys are read by position (`KeyJ`), so they work on any layout,
// Arabic included.
import { h, fill } from '../dom.js';
import { t } from '../i18n.js';

const spaced = (code) => `${code.slice(0, 3)} ${code.slice(3)}`;
const short = (url) => url.replace(/^https?:\/\//, '');

export class Join {
  constructor(header, overlay, { onChange }) {
    this.header = header;
    this.overlay = overlay;
    this.link = null;
    this.audience = null;
    this.auto = 'full';
    this.forced = null; // the presenter's J, until the next slide
    this.qr = false;
    this.onChange = onChange;
    addEventListener('keydown', (e) => this.key(e));
  }

  key(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest?.('input, textarea, select')) return;
    if (e.code === 'KeyJ') {
      this.forced = this.mode() === 'full' ? 'strip' : 'full';
      this.apply();
    } else if (e.code === 'KeyQ') {
      this.qr = !this.qr;
      this.apply();
    } else if (e.key === 'Escape') {
      this.qr = false;
      this.forced = this.forced === 'full' ? 'strip' : this.forced;
      this.apply();
    } else return;
    e.preventDefault();
  }

  mode() {
    return this.forced || this.auto;
  }

  // The strip once the audience is in: someone answered or is connected,
  // or results are up. A new slide forgets the presenter's J.
  update({ slide, inRoom, audience }) {
    if (slide !== this.slide) {
      this.slide = slide;
      this.forced = null;
      this.needsRoom = false;
    }
    this.audience = audience;
    this.auto = slide && (inRoom || this.needsRoom) ? 'strip' : 'full';
    this.apply();
  }

  // The slide needs the room: the strip, unless the presenter asked for
  // the large join details. Returns whether anything changed.
  shrink() {
    if (this.forced || this.auto === 'strip' || !this.slide) return false;
    this.needsRoom = true;
    this.auto = 'strip';
    this.apply();
    return true;
  }

  apply() {
    const mode = this.mode();
    const changed = this.header.dataset.mode !== mode;
    if (changed) this.header.dataset.mode = mode;
    const hide = !this.qr || !this.link;
    if (this.overlay.hidden !== hide) this.overlay.hidden = hide;
    this.draw();
    if (changed) this.onChange();
  }

  draw() {
    const link = this.link;
    const audience = this.audience == null ? null
      : h('span', { id: 'audience', class: 'tag' }, t('audience', { n: this.audience }));
    if (!link) {
      fill(this.header, h('p', { class: 'join-text' }, t('join-unavailable')), audience);
      return;
    }
    // The address the QR code holds: typed as it is, it joins at once.
    const where = short(link.url);
    const mode = this.mode();
    const sig = `${mode}|${where}|${this.audience}|${t('join-at')}`;
    if (this.header.dataset.sig === sig) return;
    this.header.dataset.sig = sig;
    fill(this.header,
      h('div', { class: 'join-text' },
        h('span', { class: 'join-at' }, t('join-at'), ' ', h('strong', { id: 'join-url', dir: 'ltr' }, where)),
        h('span', { class: 'join-code' }, t('join-code'), ' ', h('strong', { id: 'join-code', dir: 'ltr' }, spaced(link.join_code)))),
      h('div', { class: 'join-side' }, audience,
        h('img', { class: 'qr', id: 'qr', src: `/j/${link.join_code}/qr.svg`, alt: t('qr-alt', { url: link.url }), width: 256, height: 256 })));
    fill(this.overlay,
      h('img', { class: 'qr-big', src: `/j/${link.join_code}/qr.svg`, alt: t('qr-alt', { url: link.url }), width: 256, height: 256 }),
      h('p', { class: 'qr-words' }, h('strong', { dir: 'ltr' }, where)),
      h('p', { class: 'qr-close' }, t('qr-close')));
  }
}
