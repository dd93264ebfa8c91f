// Instruments (never replaces) what a ceremony does: API requests sent, and when WebAuthn is called.
const calls = { fetches: 0, webauthnAt: 0, sdkDownloads: 0 };
const sdkDownloads = () =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes('passkey-elements-sdk')).length;
const originalFetch = window.fetch;
window.fetch = (input, init) => {
  if (String(input instanceof Request ? input.url : input).includes('/v1/')) calls.fetches++;
  return originalFetch.call(window, input, init);
};
for (const method of ['create', 'get']) {
  const original = navigator.credentials[method].bind(navigator.credentials);
  navigator.credentials[method] = (options) => {
    calls.webauthnAt = performance.now();
    calls.sdkDownloads = sdkDownloads() - calls.sdkDownloads;
    return original(options);
  };
}

/**
 * Clicks the element's button with the token set; resolves with the outcome (and the success event's
 * token, for the caller's server to validate), requests and click → WebAuthn time.
 */
window.runCeremony = async (tag, token, { cold = false } = {}) => {
  const el = document.querySelector(tag);
  await customElements.whenDefined(tag);
  calls.fetches = 0;
  calls.webauthnAt = 0;
  calls.sdkDownloads = sdkDownloads();
  // Cold: the token arrives with the click, so the SDK's download starts with it, on the click's path.
  // (<passkey-sign-in> takes none: a discoverable passkey.)
  if (token) el.token = token;
  if (!cold) await el.updateComplete;
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
    // SDK downloads between the click and the WebAuthn call: 0 after intent, 1 cold.
    sdkDownloads: calls.sdkDownloads,
    clickToWebAuthn: calls.webauthnAt - clicked,
    total: performance.now() - clicked,
  };
  el.reset();
  return result;
};

/** Intent before the click: a pointer over the element, then the SDK's file downloaded and run. */
window.showIntent = async (tag) => {
  const el = document.querySelector(tag);
  // What a real pointer fires as it arrives (with pointerenter, which does not bubble).
  el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
  const sdk = new URL('/dist/cdn/passkey-elements-sdk.js', location.href).href;
  while (!performance.getEntriesByName(sdk).length) await new Promise((resolve) => setTimeout(resolve, 5));
  // The module evaluates right after its download; leave it a moment (not measured).
  await new Promise((resolve) => setTimeout(resolve, 50));
};
