import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import '../../src/passkey-sign-in.js';
import { PasskeySignInErrorEvent, PasskeySignInStartEvent, type PasskeySignIn } from '../../src/passkey-sign-in.js';
import { backend, type EmulatorInfo } from './support/backend.js';
import { buttonLabel } from './support/dom.js';
import { nextEvent, recordEvents, SIGN_IN_EVENTS } from './support/events.js';

// Rendering, the host's field, and what ends before any prompt: Chromium and Firefox ESR.
describe('<passkey-sign-in> rendering and early failures', () => {
  let info: EmulatorInfo;
  let warnings: string[];
  const realWarn = console.warn;
  before(async () => {
    info = await backend.info();
  });
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  });
  afterEach(() => {
    console.warn = realWarn;
  });

  const shadow = (el: PasskeySignIn) => el.shadowRoot!;
  const button = (el: PasskeySignIn) => shadow(el).querySelector<HTMLButtonElement>('[part="button"]')!;
  const errorText = (el: PasskeySignIn) => shadow(el).querySelector('[part="error"]')?.textContent?.trim();
  const requestsTo = (fragment: string) =>
    performance.getEntriesByType('resource').filter((e) => e.name.includes(fragment)).length;

  it('renders a labelled button with parts, and the host’s field above it, axe-clean', async () => {
    const el = await fixture<PasskeySignIn>(
      html`<passkey-sign-in tenant-id="t"
        ><label>Email <input name="username" autocomplete="username" /></label
      ></passkey-sign-in>`,
    );
    const b = button(el);
    expect(b.getAttribute('type')).to.equal('button');
    expect(buttonLabel(b)).to.equal('Sign in with a passkey');
    expect(shadow(el).querySelector('[part="status"]')!.getAttribute('role')).to.equal('status');
    expect(el.matches(':state(ready)')).to.equal(true);
    const field = el.querySelector('input')!;
    expect(el.querySelector('label')!.assignedSlot).not.to.equal(null, 'the field is shown');
    expect(field.getBoundingClientRect().bottom).to.be.at.most(b.getBoundingClientRect().top);
    // Without `autofill`, the element leaves the field as it is.
    expect(field.getAttribute('autocomplete')).to.equal('username');
    await expect(el).to.be.accessible();
  });

  it('button only (no autofill): no SDK and no API request until a person is about to use it', async () => {
    const sdkBefore = requestsTo('passkey-ceremonies');
    const apiBefore = requestsTo(info.url);
    await fixture<PasskeySignIn>(
      html`<passkey-sign-in tenant-id=${info.tenantId} base-url=${info.url}></passkey-sign-in>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requestsTo('passkey-ceremonies')).to.equal(sdkBefore);
    expect(requestsTo(info.url)).to.equal(apiBefore);
  });

  it('autofill marks the host’s field with `webauthn` last in its autocomplete', async () => {
    const cases: [string | null, string][] = [
      ['username', 'username webauthn'],
      ['email', 'email webauthn'],
      [null, 'username webauthn'],
      ['webauthn', 'username webauthn'],
      ['webauthn username', 'username webauthn'],
      ['username webauthn', 'username webauthn'],
    ];
    for (const [given, expected] of cases) {
      const input = document.createElement('input');
      if (given !== null) input.setAttribute('autocomplete', given);
      // No tenant id: nothing is asked of the browser.
      const el = await fixture<PasskeySignIn>(html`<passkey-sign-in autofill>${input}</passkey-sign-in>`);
      await elementUpdated(el);
      expect(input.getAttribute('autocomplete'), String(given)).to.equal(expected);
    }
    // The field already marked for WebAuthn is the one, wherever it is.
    const el = await fixture<PasskeySignIn>(
      html`<passkey-sign-in autofill
        ><input name="first" autocomplete="off" /><input name="second" autocomplete="email webauthn"
      /></passkey-sign-in>`,
    );
    await elementUpdated(el);
    expect(el.querySelector('[name="first"]')!.getAttribute('autocomplete')).to.equal('off');
    expect(warnings).to.deep.equal([]);
  });

  it('autofill with no <input> says so in the console, once, and the button still works', async () => {
    const el = await fixture<PasskeySignIn>(
      html`<passkey-sign-in autofill tenant-id=${info.tenantId} base-url=${info.url}></passkey-sign-in>`,
    );
    await elementUpdated(el);
    el.append(document.createTextNode('no field here'));
    await elementUpdated(el);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('<passkey-sign-in autofill> has no <input> inside it');
    expect(button(el).disabled).to.equal(false);
    // A field added later turns autofill on (the warning is not repeated).
    el.append(document.createElement('input'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(el.querySelector('input')!.getAttribute('autocomplete')).to.equal('username webauthn');
    expect(warnings).to.have.length(1);
  });

  it('autofill turned on later still finds a field added after it', async () => {
    const el = await fixture<PasskeySignIn>(
      html`<passkey-sign-in tenant-id=${info.tenantId} base-url=${info.url}></passkey-sign-in>`,
    );
    // Without autofill the element does not watch its content: a field changes nothing.
    el.append(document.createElement('input'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(el.querySelector('input')!.hasAttribute('autocomplete')).to.equal(false);
    el.querySelector('input')!.remove();
    el.autofill = true;
    await elementUpdated(el);
    el.append(document.createElement('input'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(el.querySelector('input')!.getAttribute('autocomplete')).to.equal('username webauthn');
  });

  it('without a tenant id, a click ends in `configuration`, with a retry button; events are typed, bubbling and composed', async () => {
    const el = await fixture<PasskeySignIn>(html`<passkey-sign-in></passkey-sign-in>`);
    const seen = recordEvents(document, SIGN_IN_EVENTS);
    button(el).click();
    const error = await nextEvent<PasskeySignInErrorEvent>(el, ['passkey-sign-in-error']);
    expect(error).to.be.instanceOf(PasskeySignInErrorEvent);
    expect(error.detail).to.deep.equal({
      code: 'configuration',
      message: 'Passkeys are not set up correctly on this page.',
    });
    expect(Object.isFrozen(error.detail)).to.equal(true);
    expect(seen.map((e) => e.type)).to.deep.equal(['passkey-sign-in-start', 'passkey-sign-in-error']);
    expect(seen[0]!.event).to.be.instanceOf(PasskeySignInStartEvent);
    expect(seen.every((e) => e.event.bubbles && e.event.composed)).to.equal(true);
    await elementUpdated(el);
    expect(errorText(el)).to.equal('Passkeys are not set up correctly on this page.');
    expect(buttonLabel(button(el))).to.equal('Try again');
    expect(el.matches(':state(error)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('an empty action is a configuration error too', async () => {
    const el = await fixture<PasskeySignIn>(html`<passkey-sign-in tenant-id="t" action=""></passkey-sign-in>`);
    button(el).click();
    const error = await nextEvent<PasskeySignInErrorEvent>(el, ['passkey-sign-in-error']);
    expect(error.detail.code).to.equal('configuration');
  });

  it('a cancelled start event stops the ceremony; disabled ignores clicks', async () => {
    const el = await fixture<PasskeySignIn>(html`<passkey-sign-in></passkey-sign-in>`);
    const seen = recordEvents(el, SIGN_IN_EVENTS);
    el.addEventListener('passkey-sign-in-start', (event) => event.preventDefault(), { once: true });
    button(el).click();
    await elementUpdated(el);
    expect(seen.map((e) => e.type)).to.deep.equal(['passkey-sign-in-start']);
    expect(el.matches(':state(ready)')).to.equal(true);
    el.disabled = true;
    await elementUpdated(el);
    expect(button(el).disabled).to.equal(true);
    button(el).click();
    el.click();
    await elementUpdated(el);
    expect(seen).to.have.length(1);
  });

  it('a double click runs one ceremony', async () => {
    const el = await fixture<PasskeySignIn>(html`<passkey-sign-in></passkey-sign-in>`);
    const seen = recordEvents(el, SIGN_IN_EVENTS);
    button(el).click();
    button(el).click();
    await nextEvent(el, ['passkey-sign-in-error']);
    await elementUpdated(el);
    expect(seen.map((e) => e.type)).to.deep.equal(['passkey-sign-in-start', 'passkey-sign-in-error']);
  });
});
