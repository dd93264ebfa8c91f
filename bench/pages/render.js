// 1,000 elements, from insertion to the next frame (style and layout included), three ways:
// ours; a logic-free element that clones the very same shadow DOM and adopts the very same style
// sheets (the least that markup can cost); a bare Lit element with one button.
const TAGS = ['passkey-enroll', 'step-up-challenge'];
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

const KINDS = {
  ours: TAGS,
  clone: TAGS.map((tag) => `clone-${tag}`),
  bareLit: ['bare-lit-button'],
};

/** Milliseconds from creating `count` elements of a kind to the frame after they rendered. */
window.measureRender = async (kind, count = 1000) => {
  const tags = KINDS[kind];
  const container = document.createElement('div');
  document.body.append(container);
  await nextFrame();
  const start = performance.now();
  const elements = Array.from({ length: count }, (_, i) => document.createElement(tags[i % tags.length]));
  container.append(...elements);
  await Promise.all(elements.map((el) => el.updateComplete));
  await nextFrame();
  const time = performance.now() - start;
  container.remove();
  await nextFrame();
  return time;
};
window.renderReady = true;
