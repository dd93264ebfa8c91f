import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/step-up-challenge.js';
import type { StepUpChallenge } from '../../src/step-up-challenge.js';
import { backend, uniqueUser, type EmulatorInfo } from './support/backend.js';
import { buttonLabel } from './support/dom.js';
import { nextEvent, recordEvents, STEP_UP_EVENTS } from './support/events.js';
import { EARLY_FAILURES } from './support/failures.js';

// Rendering, the dialog, and every failure that ends before the WebAuthn prompt: Chromium and Firefox ESR.
describe('<step-up-challenge> rendering, dialog and early failures', () => {
  let info: EmulatorInfo;
  before(async () => {
    info = await backend.info();
  });
  afterEach(() => backend.resetClock());

  const part = (el: StepUpChallenge, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
  const button = (el: StepUpChallenge) => part(el, 'button') as HTMLButtonElement;
  const dialog = (el: StepUpChallenge) => el.shadowRoot!.querySelector('dialog')!;
  const errorText = (el: StepUpChallenge) => part(el, 'error')?.textContent?.trim();

  it('renders the description slot and a real button, axe-clean', async () => {
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id="t"
        ><span slot="description">Confirm the transfer of $7,500 to Bob</span></step-up-challenge
      >`,
    );
    const slot = part(el, 'description')!.querySelector('slot')!;
    expect(slot.assignedNodes()[0]!.textContent).to.equal('Confirm the transfer of $7,500 to Bob');
    expect(buttonLabel(button(el))).to.equal('Confirm with passkey');
    expect(button(el).getAttribute('type')).to.equal('button');
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(el.matches(':state(ready)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is closed and removed in the same task without an endless update loop or any event', async () => {
    const el = await fixture<StepUpChallenge>(html`<step-up-challenge tenant-id="t" modal open></step-up-challenge>`);
    await elementUpdated(el);
    expect(dialog(el).open).to.equal(true);
    const events = recordEvents(document, STEP_UP_EVENTS);
    let updates = 0;
    el.addController({ hostUpdated: () => updates++ });
    // The dialog's close event comes a task later, when the element is already gone.
    dialog(el).close();
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updates).to.be.lessThan(3, 'a removed element settles');
    expect(events).to.deep.equal([]);
  });

  it('opens as a modal dialog, traps the page, and Escape cancels, closes and returns focus', async () => {
    // A link in the description comes first in the dialog: the focus still goes to the button.
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <button id="opener">Send $7,500</button>
        <step-up-challenge tenant-id="t" modal>
          <span slot="description">Confirm the transfer (<a href="#fees">fees</a>)</span>
        </step-up-challenge>
      </div>`,
    );
    const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
    const el = wrapper.querySelector('step-up-challenge')!;
    expect(dialog(el).open).to.equal(false);
    await expect(el).to.be.accessible();

    opener.focus();
    el.open = true;
    await elementUpdated(el);
    expect(dialog(el).open).to.equal(true);
    expect(dialog(el).matches(':modal')).to.equal(true, 'the rest of the page is inert');
    expect(el.shadowRoot!.activeElement).to.equal(button(el), 'focus moves into the dialog');
    expect(part(el, 'title')!.textContent).to.equal('Confirm it’s you');
    expect(buttonLabel(button(el))).to.equal('Confirm with passkey');
    await expect(el).to.be.accessible();

    const events = recordEvents(el, STEP_UP_EVENTS);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'the dialog closes');
    await elementUpdated(el);
    expect(events.map((e) => e.type)).to.deep.equal(['step-up-challenge-cancel']);
    expect(el.open).to.equal(false);
    expect(el.hasAttribute('open')).to.equal(false);
    expect(document.activeElement).to.equal(opener, 'focus returns to the opener');
    await expect(el).to.be.accessible();
  });

  it('restores a property’s default when its attribute is removed', async () => {
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id="t" methods="EMAIL_OTP" user-id="u" disabled></step-up-challenge>`,
    );
    expect([el.tenantId, el.methods, el.userId, el.disabled]).to.deep.equal(['t', ['EMAIL_OTP'], 'u', true]);
    for (const name of ['tenant-id', 'methods', 'user-id', 'disabled']) el.removeAttribute(name);
    expect([el.tenantId, el.methods, el.userId, el.disabled]).to.deep.equal(['', ['PASSKEY'], '', false]);
    await elementUpdated(el);
    expect(el.getAttributeNames()).to.deep.equal([], 'nothing written back');
  });

  it('cancels with the dialog’s cancel button', async () => {
    const el = await fixture<StepUpChallenge>(html`<step-up-challenge tenant-id="t" modal open></step-up-challenge>`);
    await elementUpdated(el);
    expect(dialog(el).open).to.equal(true);
    const events = recordEvents(el, STEP_UP_EVENTS);
    part(el, 'close-button')!.click();
    await nextEvent(el, ['step-up-challenge-cancel']);
    expect(dialog(el).open).to.equal(false);
    expect(events.map((e) => e.type)).to.deep.equal(['step-up-challenge-cancel']);
    expect(el.open).to.equal(false);
  });

  it('closes without a cancel event when the host clears open', async () => {
    const el = await fixture<StepUpChallenge>(html`<step-up-challenge tenant-id="t" modal open></step-up-challenge>`);
    await elementUpdated(el);
    const events = recordEvents(el, STEP_UP_EVENTS);
    el.open = false;
    await elementUpdated(el);
    expect(dialog(el).open).to.equal(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(events).to.have.length(0);
  });

  it('reports configuration with neither a token nor an action, or without a tenant id, sending nothing', async () => {
    const userId = uniqueUser();
    for (const template of [
      html`<step-up-challenge tenant-id=${info.tenantId} base-url=${info.url}></step-up-challenge>`,
      html`<step-up-challenge base-url=${info.url} action="signIn"></step-up-challenge>`,
    ]) {
      const el = await fixture<StepUpChallenge>(template);
      button(el).click();
      const event = await nextEvent<CustomEvent>(el, ['step-up-challenge-error', 'step-up-challenge-success']);
      expect(event.detail).to.deep.equal({
        code: 'configuration',
        message: 'Passkeys are not set up correctly on this page.',
        method: 'PASSKEY',
      });
    }
    const el = await fixture<StepUpChallenge>(html`<step-up-challenge base-url=${info.url}></step-up-challenge>`);
    el.token = (await backend.track(userId, 'high-value-transfer')).token;
    button(el).click();
    expect((await nextEvent<CustomEvent>(el, ['step-up-challenge-error'])).detail.code).to.equal('configuration');
    expect(await backend.requests(userId)).to.deep.equal([]);
  });

  for (const { condition, code, arrange } of EARLY_FAILURES) {
    it(`reports ${code} for ${condition}, with its message and a retry button, never a success`, async () => {
      const userId = uniqueUser();
      const { token, baseUrl } = await arrange(info, userId, 'high-value-transfer');
      const el = await fixture<StepUpChallenge>(
        html`<step-up-challenge tenant-id=${info.tenantId} base-url=${baseUrl}></step-up-challenge>`,
      );
      el.token = token;
      const events = recordEvents(el, STEP_UP_EVENTS);
      button(el).click();
      const event = await nextEvent<CustomEvent>(el, ['step-up-challenge-error', 'step-up-challenge-success']);
      await elementUpdated(el);
      expect(event.type).to.equal('step-up-challenge-error');
      expect(event.detail.code).to.equal(code);
      expect(errorText(el)).to.equal(event.detail.message);
      expect(buttonLabel(button(el))).to.equal('Try again');
      expect(events.map((e) => e.type)).to.deep.equal(['step-up-challenge-start', 'step-up-challenge-error']);
      expect(el.matches(':state(error)')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('reports no-passkey when the user has none', async () => {
    const userId = uniqueUser();
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${info.tenantId} base-url=${info.url}></step-up-challenge>`,
    );
    el.token = (await backend.track(userId, 'high-value-transfer')).token;
    button(el).click();
    const event = await nextEvent<CustomEvent>(el, ['step-up-challenge-error', 'step-up-challenge-success']);
    expect(event.detail).to.deep.equal({
      code: 'no-passkey',
      message: 'There is no passkey for your account on this device.',
      method: 'PASSKEY',
    });
  });

  it('with user-id, says no-passkey up front when this browser holds none, without asking the API', async () => {
    const userId = uniqueUser();
    localStorage.removeItem('as_user_passkey_map');
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${info.tenantId} base-url=${info.url} user-id=${userId}></step-up-challenge>`,
    );
    el.token = (await backend.track(userId, 'high-value-transfer')).token;
    button(el).click();
    const event = await nextEvent<CustomEvent>(el, ['step-up-challenge-error', 'step-up-challenge-success']);
    expect(event.detail.code).to.equal('no-passkey');
    expect(await backend.requests(userId)).to.deep.equal([]);
  });

  it('lets the host stop the ceremony by cancelling the start event', async () => {
    const userId = uniqueUser();
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${info.tenantId} base-url=${info.url}></step-up-challenge>`,
    );
    el.token = (await backend.track(userId, 'high-value-transfer')).token;
    el.addEventListener('step-up-challenge-start', (e) => e.preventDefault());
    const events = recordEvents(el, STEP_UP_EVENTS);
    button(el).click();
    await new Promise((r) => setTimeout(r, 100));
    expect(events.map((e) => e.type)).to.deep.equal(['step-up-challenge-start']);
    expect(await backend.requests(userId)).to.deep.equal([]);
  });

  it('keeps the token a property and starts afresh when a new one is set', async () => {
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id="t" base-url=${info.url}></step-up-challenge>`,
    );
    button(el).click();
    await nextEvent(el, ['step-up-challenge-error']);
    el.token = 'secret-token-value';
    await elementUpdated(el);
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(el.hasAttribute('token')).to.equal(false);
    expect(el.outerHTML + el.shadowRoot!.innerHTML).not.to.contain('secret-token-value');
  });

  it('does nothing when disabled, and is axe-clean', async () => {
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id="t" action="signIn" disabled></step-up-challenge>`,
    );
    const events = recordEvents(el, STEP_UP_EVENTS);
    button(el).click();
    el.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(events).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('takes string overrides, including the dialog’s', async () => {
    const el = await fixture<StepUpChallenge>(html`<step-up-challenge tenant-id="t" modal></step-up-challenge>`);
    el.strings = { title: 'Bestätigen', close: 'Abbrechen', button: 'Mit Passkey bestätigen' };
    el.open = true;
    await elementUpdated(el);
    expect(part(el, 'title')!.textContent).to.equal('Bestätigen');
    expect(part(el, 'close-button')!.textContent!.trim()).to.equal('Abbrechen');
    expect(buttonLabel(button(el))).to.equal('Mit Passkey bestätigen');
    el.open = false;
    await elementUpdated(el);
  });

  it('explains, without a dead button, when the browser cannot use passkeys', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true, writable: true });
    try {
      const el = await fixture<StepUpChallenge>(
        html`<step-up-challenge tenant-id="t" action="signIn"></step-up-challenge>`,
      );
      expect(button(el)).to.equal(null);
      expect(part(el, 'status')!.textContent).to.match(/browser/i);
      expect(el.matches(':state(unsupported)')).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', original);
    }
  });
});
