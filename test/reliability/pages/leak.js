// Mount/unmount cycles of the built elements, one variant at a time; the runner measures the heap
// and the DOM around them with garbage collection forced.
const TOKEN_URL = '/reliability/token';
// Resolves once the element has read the token-url answer's body (what it waits for itself).
let tokenRead;
const originalFetch = window.fetch;
window.fetch = (input, init) => {
  const response = originalFetch.call(window, input, init);
  if (!String(input).endsWith(TOKEN_URL)) return response;
  tokenRead = new Promise((read) => {
    // An element taken off the page aborts its fetch: that ends the wait too, and is no page error.
    response.then((r) => {
      const json = r.json.bind(r);
      r.json = () => json().finally(read);
    }, read);
  });
  return response;
};

// The page's conditional requests, seen where the browser gets them (under the element's own wrapper).
let onConditional;
const browserGet = CredentialsContainer.prototype.get;
CredentialsContainer.prototype.get = function (options) {
  const request = browserGet.call(this, options);
  if (options?.mediation === 'conditional') {
    // Wrapped in an object: resolving with the promise itself would wait for it to settle.
    onConditional?.({
      ended: request.then(
        () => 'answered',
        (error) => error.name,
      ),
    });
  }
  return request;
};

const ended = (el, tag) =>
  new Promise((resolve) => {
    const listening = new AbortController();
    const end = (outcome) => () => {
      listening.abort();
      resolve(outcome);
    };
    for (const type of ['success', 'error', 'cancel']) {
      el.addEventListener(`${tag}-${type}`, (e) => end(`${type} ${e.detail?.code ?? ''}`.trim())(), {
        signal: listening.signal,
      });
    }
  });

const make = (tag, attributes = {}) => {
  const el = document.createElement(tag);
  el.setAttribute('tenant-id', 'bench-tenant');
  el.setAttribute('base-url', '/v1');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
};

/** One mount → use → unmount per variant; resolves when the element is gone again. */
const VARIANTS = {
  async plain(tag) {
    const el = make(tag);
    document.body.append(el);
    await el.updateComplete;
    el.remove();
  },
  async token(tag) {
    const el = make(tag);
    el.token = 'leak.test.token';
    document.body.append(el);
    await el.updateComplete;
    el.remove();
  },
  async 'token-url'(tag) {
    tokenRead = undefined;
    const el = make(tag, { 'token-url': TOKEN_URL });
    document.body.append(el);
    await el.updateComplete;
    // Let the prefetch finish (the element keeps the token and arms its refresh timer).
    await tokenRead;
    // The element's own continuation (keep the token, arm the refresh timer) runs in microtasks.
    await new Promise((resolve) => setTimeout(resolve));
    el.remove();
  },
  async modal(tag) {
    const el = make(tag, { modal: '' });
    el.token = 'leak.test.token';
    document.body.append(el);
    el.open = true;
    await el.updateComplete;
    if (!el.shadowRoot.querySelector('dialog').open) throw new Error('the dialog did not open');
    el.open = false;
    await el.updateComplete;
    el.remove();
  },
  // The runner turns presence off: the request stays pending, as while nobody picks a passkey.
  async autofill(tag) {
    const reached = new Promise((resolve) => (onConditional = resolve));
    const el = make(tag, { autofill: '' });
    el.innerHTML = '<input name="username" autocomplete="username webauthn" />';
    document.body.append(el);
    const request = await reached;
    el.remove();
    const outcome = await request.ended;
    if (outcome !== 'AbortError') throw new Error(`the conditional request ended in ${outcome}`);
    // The element's wrapper goes once the SDK has let go (a few microtasks later).
    await new Promise((resolve) => setTimeout(resolve));
    if (Object.hasOwn(navigator.credentials, 'get')) throw new Error('navigator.credentials is still wrapped');
  },
  // <passkey-manager>: its list read (a token from the page's backend, the list from the API), then removed.
  async list(tag) {
    const el = make(tag, { 'token-url': '/reliability/manager-token' });
    document.body.append(el);
    await el.updateComplete;
    // Waits for the list itself: its items in the shadow root.
    await new Promise((resolve) => {
      const shown = () => el.shadowRoot.querySelector('[part="item"]');
      if (shown()) return resolve();
      const observer = new MutationObserver(() => shown() && (observer.disconnect(), resolve()));
      observer.observe(el.shadowRoot, { childList: true, subtree: true });
    });
    el.remove();
  },
  async completed(tag, token) {
    const el = make(tag);
    el.token = token;
    document.body.append(el);
    await el.updateComplete;
    const outcome = ended(el, tag);
    el.shadowRoot.querySelector('[part="button"]').click();
    const result = await outcome;
    if (result !== 'success') throw new Error(`${tag} ceremony ended in ${result}`);
    el.remove();
  },
};

// The control: a page bug that keeps every removed element. The runner must see it as a leak.
const kept = [];
VARIANTS.retained = async (tag) => {
  const el = make(tag);
  el.token = 'leak.test.token';
  document.body.append(el);
  await el.updateComplete;
  el.remove();
  kept.push(el);
};

window.cycles = async (variant, tag, count, tokens = []) => {
  for (let i = 0; i < count; i++) {
    try {
      await VARIANTS[variant](tag, tokens[i]);
    } catch (error) {
      throw new Error(`cycle ${i + 1} of ${count}: ${error.message}`);
    }
  }
  return document.body.childElementCount;
};
