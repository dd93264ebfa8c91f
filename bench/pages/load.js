// Runs after the CDN module (module scripts execute in order): time from the bundle's request
// to both elements rendered, then the time to render 1,000 more.
const tags = ['passkey-enroll', 'step-up-challenge'];
await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
await Promise.all([...document.querySelectorAll(tags.join(','))].map((el) => el.updateComplete));
const rendered = performance.now();
const bundle = performance.getEntriesByName(new URL('/dist/cdn/passkey-elements.js', location.href).href)[0];

const many = document.getElementById('many');
const start = performance.now();
const elements = Array.from({ length: 1000 }, (_, i) => document.createElement(tags[i % 2]));
many.append(...elements);
await Promise.all(elements.map((el) => el.updateComplete));
const thousand = performance.now() - start;

window.benchResult = { loadToRendered: rendered - bundle.startTime, thousand };
