// 1,000 elements of one kind, from insertion to rendered, styled and laid out, three ways: ours; a logic-free element that clones the very same shadow DOM and adopts the very same
// style sheets (the least that markup can cost); a bare Lit element with one button.
const TAGS = ['step-up-challenge', 'passkey-enroll', 'passkey-sign-in'];
await Promise.all([...TAGS, 'bare-lit-button'].map((tag) => customElements.whenDefined(tag)));

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

// The clones: one rendered instance of each of ours gives the markup and the sheets.
for (const tag of TAGS) {
  const model = document.createElement(tag);
  document.body.append(model);
  await model.updateComplete;
  const template = document.createElement('template');
  template.innerHTML = model.shadowRoot.innerHTML;
  const sheets = model.shadowRoot.adoptedStyleSheets;
  model.remove();
  customElements.define(
    `clone-${tag}`,
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        const root = this.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = sheets;
        root.append(template.content.cloneNode(true));
      }
    },
  );
}

/** What is measured: each of ours with its clone, and the bare Lit button. */
window.renderTags = TAGS;

/** Milliseconds from creating `count` elements of a kind to the frame after they rendered. */
window.measureRender = async (tag, count = 1000) => {
  const container = document.createElement('div');
  document.body.append(container);
  // What the last measurement left for the collector is collected now, not during this one (the
  // bench runs Chromium with --expose-gc).
  globalThis.gc?.();
  await nextFrame();
  const start = performance.now();
  const elements = Array.from({ length: count }, () => document.createElement(tag));
  container.append(...elements);
  await Promise.all(elements.map((el) => el.updateComplete));
  // Style and layout forced here, and timed to their end: waiting for the next frame instead
  // would round every time up to the display's next tick (~17 ms), more than the differences measured.
  void document.documentElement.offsetHeight;
  const time = performance.now() - start;
  await nextFrame();
  container.remove();
  await nextFrame();
  return time;
};
window.renderReady = true;
