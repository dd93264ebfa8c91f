// Runs after the CDN module (module scripts execute in order): time from the bundle's request
// to both elements rendered, whether the SDK was fetched meanwhile (it must not be), and the time
// to show a first other language.
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

const sdkRequests = performance.getEntriesByType('resource').filter((e) => e.name.includes('passkey-elements-sdk'));

window.benchResult = { loadToRendered: rendered - bundle.startTime, translated, sdkRequests: sdkRequests.length };
