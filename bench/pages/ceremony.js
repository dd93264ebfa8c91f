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

/**
 * Clicks the element's button with the token set; resolves with the outcome (and the success event's
 * token, for the caller's server to validate), requests and click → WebAuthn time.
 */
window.runCeremony = async (tag, token) => {
  const el = document.querySelector(tag);
  await customElements.whenDefined(tag);
  el.token = token;
  await el.updateComplete;
  calls.fetches = 0;
  calls.webauthnAt = 0;
  // One signal removes all three listeners, so that hundreds of runs leave none behind.
  const listening = new AbortController();
  const done = new Promise((resolve) => {
    const on = (type, end) => el.addEventListener(`${tag}-${type}`, end, { signal: listening.signal });
    on('success', (e) => resolve({ outcome: 'success', token: e.detail.token }));
    on('error', (e) => resolve({ outcome: `error ${e.detail.code}` }));
    on('cancel', () => resolve({ outcome: 'cancel' }));
  });
  const clicked = performance.now();
  el.shadowRoot.querySelector('[part="button"]').click();
  const ended = await done;
  listening.abort();
  const result = {
    ...ended,
    requests: calls.fetches,
    clickToWebAuthn: calls.webauthnAt - clicked,
    total: performance.now() - clicked,
  };
  el.reset();
  return result;
};
