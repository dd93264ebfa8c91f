// Runs after the CDN module (module scripts execute in order): time from the bundle's request
// to both elements rendered, the time to render 1,000 more, and to show a first other language.
const tags = ['passkey-enroll', 'step-up-challenge'];
await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
await Promise.all([...document.querySelectorAll(tags.join(','))].map((el) => el.updateComplete));
const rendered = performance.now();
const bundle = performance.getEntriesByName(new URL('/dist/cdn/passkey-elements.js', location.href).href)[0];

// A language not loaded yet: from insertion to the German label (fetch of locales/de.js included).
const german = document.createElement('passkey-enroll');
german.lang = 'de';
const inserted = performance.now();
document.body.append(german);
await new Promise((resolve) => {
  const check = () =>
    german.shadowRoot?.querySelector('[part="button"]')?.textContent?.includes('Passkey erstellen')
      ? resolve()
      : requestAnimationFrame(check);
  check();
});
const translated = performance.now() - inserted;

const many = document.getElementById('many');
const start = performance.now();
const elements = Array.from({ length: 1000 }, (_, i) => document.createElement(tags[i % 2]));
many.append(...elements);
await Promise.all(elements.map((el) => el.updateComplete));
const thousand = performance.now() - start;

window.benchResult = { loadToRendered: rendered - bundle.startTime, thousand, translated };
