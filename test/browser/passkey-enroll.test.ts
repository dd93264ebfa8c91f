import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import '../../src/passkey-enroll.js';
import type { PasskeyEnroll } from '../../src/passkey-enroll.js';
import { backend, uniqueUser, type EmulatorInfo } from './support/backend.js';
import { buttonLabel } from './support/dom.js';
import { ENROLL_EVENTS, nextEvent, recordEvents } from './support/events.js';
import { EARLY_FAILURES } from './support/failures.js';

/** Resolves on the next `slotchange` in the element's shadow root. */
const nextSlotChange = (el: Element) =>
  new Promise((resolve) => el.shadowRoot!.addEventListener('slotchange', resolve, { once: true }));

// Rendering and every failure that ends before the WebAuthn prompt: Chromium and Firefox ESR.
describe('<passkey-enroll> rendering and early failures', () => {
  let info: EmulatorInfo;
  before(async () => {
    info = await backend.info();
  });
  afterEach(() => backend.resetClock());

  const shadow = (el: PasskeyEnroll) => el.shadowRoot!;
  const button = (el: PasskeyEnroll) => shadow(el).querySelector('button')!;
  const statusText = (el: PasskeyEnroll) => shadow(el).querySelector('[part="status"]')!.textContent!.trim();
  const errorText = (el: PasskeyEnroll) => shadow(el).querySelector('[part="error"]')?.textContent?.trim();
  const emulatorRequests = () =>
    performance.getEntriesByType('resource').filter((e) => e.name.startsWith(info.url.replace(/\/v1$/, '')));

  it('makes no request and sets no cookie at definition or render time', async () => {
    // Earlier files' SDK instances left their anonymous-id cookie in this browser.
    document.cookie = '__as_aid=; max-age=0; path=/; domain=localhost';
    document.cookie = '__as_aid=; max-age=0; path=/';
    expect(document.cookie).not.to.contain('__as_aid');
    const before = emulatorRequests().length;
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll
        tenant-id=${info.tenantId}
        base-url=${info.url}
        username="ada@example.com"
      ></passkey-enroll>`,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(emulatorRequests().length).to.equal(before);
    expect(document.cookie).not.to.contain('__as_aid');
    expect(el.shadowRoot).not.to.equal(null);
  });

  it('renders a real, labelled button with parts, in the ready state, axe-clean', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll tenant-id="t"></passkey-enroll>`);
    const b = button(el);
    expect(b.getAttribute('type')).to.equal('button');
    expect(b.getAttribute('part')).to.equal('button');
    expect(buttonLabel(b)).to.equal('Create a passkey');
    expect(shadow(el).querySelector('[part="base"]')).not.to.equal(null);
    expect(shadow(el).querySelector('[part="status"]')!.getAttribute('role')).to.equal('status');
    expect(shadow(el).querySelector('[part="error"]')).to.equal(null);
    expect(el.matches(':state(ready)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows slotted content in the button instead of the default label', async () => {
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll tenant-id="t">Add a passkey to this account</passkey-enroll>`,
    );
    expect(buttonLabel(button(el))).to.equal('Add a passkey to this account');
    await expect(el).to.be.accessible();
  });

  it('keeps the default label when the host markup has only whitespace inside the tag, after the icon', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll tenant-id="t"> </passkey-enroll>`);
    // The element looks at its slot after its first render, and renders again if need be.
    await el.updateComplete;
    expect(buttonLabel(button(el))).to.equal('Create a passkey');
    // The label is rendered before the icon in the button (see ceremony-view.ts); it shows after it.
    const label = [...button(el).childNodes].find(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
    );
    const range = document.createRange();
    range.selectNodeContents(label!);
    expect(range.getBoundingClientRect().left).to.be.at.least(
      button(el).querySelector('svg')!.getBoundingClientRect().right,
    );
    await expect(el).to.be.accessible();
  });

  it('shows content given after the first render in place of the label, and the label again once it is gone', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll tenant-id="t"></passkey-enroll>`);
    el.append('Add a passkey');
    await el.updateComplete;
    expect(buttonLabel(button(el))).to.equal('Add a passkey');
    el.replaceChildren();
    await el.updateComplete;
    expect(buttonLabel(button(el))).to.equal('Create a passkey');
  });

  it('shows the label again when the content it rendered with turns into whitespace', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll tenant-id="t">Add a passkey</passkey-enroll>`);
    expect(buttonLabel(button(el))).to.equal('Add a passkey');
    el.replaceChildren(' ');
    await nextSlotChange(el);
    await el.updateComplete;
    expect(buttonLabel(button(el))).to.equal('Create a passkey');
    el.replaceChildren('Add a passkey');
    await nextSlotChange(el);
    await el.updateComplete;
    expect(buttonLabel(button(el))).to.equal('Add a passkey');
  });

  it('starts nothing and fires nothing when its button is clicked after the element left the page', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll></passkey-enroll>`);
    const b = button(el);
    b.click();
    await nextEvent(el, ['passkey-enroll-error']);
    el.remove();
    const events = recordEvents(el, ENROLL_EVENTS);
    b.click();
    await el.updateComplete;
    expect(events).to.deep.equal([]);
  });

  it('starts on a click on the icon, and not when the page stops the click before it reaches the element', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll></passkey-enroll>`);
    const events = recordEvents(el, ENROLL_EVENTS);
    // The button gets its listener from the document on its first click (ceremony-view.ts): a page's
    // own listener that stops that click earlier on its way stops it as it would any listener's.
    const stop = (event: Event) => event.stopPropagation();
    document.body.addEventListener('click', stop, true);
    button(el).click();
    document.body.removeEventListener('click', stop, true);
    expect(events).to.deep.equal([]);
    button(el)
      .querySelector('path')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await nextEvent(el, ['passkey-enroll-error']);
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-enroll-start', 'passkey-enroll-error']);
  });

  it('keeps the token a property: never an attribute, never rendered', async () => {
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll tenant-id="t" token="from-attribute"></passkey-enroll>`,
    );
    expect(el.token).to.equal(undefined);
    el.token = 'secret-token-value';
    await elementUpdated(el);
    expect(el.getAttribute('token')).to.equal('from-attribute');
    expect(el.outerHTML).not.to.contain('secret-token-value');
    expect(el.shadowRoot!.innerHTML).not.to.contain('secret-token-value');
    expect(Object.keys(el)).not.to.include('token');
    expect(Object.values(el).some((v) => typeof v === 'string' && v.includes('secret-token-value'))).to.equal(false);
  });

  it('reports configuration without a tenant id, and sends no request', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll base-url=${info.url}></passkey-enroll>`);
    el.token = (await backend.track(uniqueUser(), 'enroll-passkey')).token;
    const before = emulatorRequests().length;
    const events = recordEvents(el, ENROLL_EVENTS);
    button(el).click();
    await nextEvent(el, ['passkey-enroll-error']);
    await elementUpdated(el);
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-enroll-start', 'passkey-enroll-error']);
    expect(events[1]!.detail).to.deep.equal({
      code: 'configuration',
      message: 'Passkeys are not set up correctly on this page.',
    });
    expect(errorText(el)).to.equal('Passkeys are not set up correctly on this page.');
    expect(el.matches(':state(error)')).to.equal(true);
    expect(emulatorRequests().length).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('reports configuration with neither a token nor a token-url', async () => {
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll tenant-id=${info.tenantId} base-url=${info.url}></passkey-enroll>`,
    );
    button(el).click();
    const event = await nextEvent<CustomEvent>(el, ['passkey-enroll-error']);
    expect(event.detail.code).to.equal('configuration');
  });

  it('lets the host stop the ceremony by cancelling the start event', async () => {
    const userId = uniqueUser();
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll tenant-id=${info.tenantId} base-url=${info.url}></passkey-enroll>`,
    );
    el.token = (await backend.track(userId, 'enroll-passkey')).token;
    const events = recordEvents(el, ENROLL_EVENTS);
    el.addEventListener('passkey-enroll-start', (e) => e.preventDefault());
    button(el).click();
    await new Promise((r) => setTimeout(r, 100));
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-enroll-start']);
    expect(events[0]!.event.bubbles && events[0]!.event.composed && events[0]!.event.cancelable).to.equal(true);
    expect(await backend.requests(userId)).to.deep.equal([]);
    expect(el.matches(':state(ready)')).to.equal(true);
  });

  for (const { condition, code, arrange } of EARLY_FAILURES) {
    it(`reports ${code} for ${condition}, with its message and a retry button, never a success`, async () => {
      const userId = uniqueUser();
      const { token, baseUrl } = await arrange(info, userId, 'enroll-passkey');
      const el = await fixture<PasskeyEnroll>(
        html`<passkey-enroll tenant-id=${info.tenantId} base-url=${baseUrl}></passkey-enroll>`,
      );
      el.token = token;
      const events = recordEvents(el, ENROLL_EVENTS);
      button(el).click();
      const event = await nextEvent<CustomEvent>(el, ['passkey-enroll-error', 'passkey-enroll-success']);
      await elementUpdated(el);
      expect(event.type).to.equal('passkey-enroll-error');
      expect(event.detail.code).to.equal(code);
      expect(Object.keys(event.detail)).to.deep.equal(['code', 'message']);
      expect(errorText(el)).to.equal(event.detail.message);
      expect(shadow(el).querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
      expect(buttonLabel(button(el))).to.equal('Try again');
      expect(events.map((e) => e.type)).to.deep.equal(['passkey-enroll-start', 'passkey-enroll-error']);
      expect(await backend.getAuthenticators(userId)).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  }

  it('is ready again when the host sets a fresh token after expiry', async () => {
    const userId = uniqueUser();
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll tenant-id=${info.tenantId} base-url=${info.url}></passkey-enroll>`,
    );
    el.token = (await backend.track(userId, 'enroll-passkey')).token;
    await backend.advanceClock(601);
    button(el).click();
    expect((await nextEvent<CustomEvent>(el, ['passkey-enroll-error'])).detail.code).to.equal('expired-token');
    await backend.resetClock();
    el.token = (await backend.track(userId, 'enroll-passkey')).token;
    await elementUpdated(el);
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(errorText(el)).to.equal(undefined);
  });

  it('reports server when the token endpoint fails, and never calls the SDK without a token', async () => {
    const userId = uniqueUser();
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll
        tenant-id=${info.tenantId}
        base-url=${info.url}
        token-url=${`/test-backend/enroll-token?user=${userId}&status=500`}
      ></passkey-enroll>`,
    );
    button(el).click();
    const event = await nextEvent<CustomEvent>(el, ['passkey-enroll-error']);
    expect(event.detail.code).to.equal('server');
    expect(await backend.requests(userId)).to.deep.equal([]);
  });

  it('takes string overrides for every visible string, falling back for the rest', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll></passkey-enroll>`);
    el.strings = { button: 'Passkey erstellen', errors: { configuration: 'Falsch eingerichtet.' } };
    await elementUpdated(el);
    expect(buttonLabel(button(el))).to.equal('Passkey erstellen');
    button(el).click();
    const event = await nextEvent<CustomEvent>(el, ['passkey-enroll-error']);
    await elementUpdated(el);
    expect(event.detail.message).to.equal('Falsch eingerichtet.');
    expect(errorText(el)).to.equal('Falsch eingerichtet.');
    expect(buttonLabel(button(el))).to.equal('Try again');
    expect(statusText(el)).to.equal('');
  });

  it('does nothing when disabled', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll tenant-id="t" disabled></passkey-enroll>`);
    const events = recordEvents(el, ENROLL_EVENTS);
    expect(button(el).disabled).to.equal(true);
    button(el).click();
    el.click();
    await new Promise((r) => setTimeout(r, 20));
    expect(events).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('explains, without a dead button, when the browser cannot use passkeys', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    // Simulates a browser without WebAuthn for this one render.
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true, writable: true });
    try {
      const el = await fixture<PasskeyEnroll>(html`<passkey-enroll tenant-id="t"></passkey-enroll>`);
      expect(button(el)).to.equal(null);
      expect(statusText(el)).to.match(/browser/i);
      expect(el.matches(':state(unsupported)')).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', original);
    }
  });
});
