// Instruments (never replaces) what a ceremony does: API requests sent, and when WebAuthn is called.
const calls = { fetches: 0, webauthnAt: 0 };
const originalFetch = window.fetch;
window.fetch = (input, init) => {
  if (String(input instanceof Request ? input.url : input).includes('/v1/')) calls.fetches++;
  return originalFetch.call(window, input, init);
};
for (const method of ['create', 'get']) {
  const original = navigator.credentials[method].bind(navigator.credentials);
  navigator.credentials[method] = (options) => {
    calls.webauthnAt = performance.now();
    return original(options);
  };
}

/** Clicks the element's button with the token set; resolves with requests and click → WebAuthn time. */
window.runCeremony = async (tag, token) => {
  const el = document.querySelector(tag);
  await customElements.whenDefined(tag);
  el.token = token;
  await el.updateComplete;
  calls.fetches = 0;
  calls.webauthnAt = 0;
  const done = new Promise((resolve) => {
    el.addEventListener(`${tag}-success`, () => resolve('success'), { once: true });
    el.addEventListener(`${tag}-error`, (e) => resolve(`error ${e.detail.code}`), { once: true });
    el.addEventListener(`${tag}-cancel`, () => resolve('cancel'), { once: true });
  });
  const clicked = performance.now();
  el.shadowRoot.querySelector('[part="button"]').click();
  const outcome = await done;
  const result = {
    outcome,
    requests: calls.fetches,
    clickToWebAuthn: calls.webauthnAt - clicked,
    total: performance.now() - clicked,
  };
  el.reset();
  return result;
};
