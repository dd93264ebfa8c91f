import { elementUpdated, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { PasskeyEnroll, StepUpChallenge, StepUpChallengeSuccessEvent } from '../../src/index.js';
import { backend, uniqueUser } from './support/backend.js';
import { useCeremonyRig } from './support/ceremony-rig.js';
import { nextEvent } from './support/events.js';
import { sdkGate } from './support/sdk-gate.js';
import { virtualAuthenticator } from './support/virtual-authenticator.js';

const ACTION = 'high-value-transfer';
const ENDED = ['step-up-challenge-success', 'step-up-challenge-error', 'step-up-challenge-cancel'];

/** Requests for the other methods' module the page itself has timed. */
const methodsResources = () => performance.getEntriesByType('resource').filter((e) => /method-chooser/.test(e.name));

// Passkeys and the other methods together: Chromium, its virtual authenticator, the real SDK and
// the emulator. Order matters in the first two tests: a page loads a module once.
describe('<step-up-challenge> with a passkey and other methods', () => {
  const rig = useCeremonyRig();
  before(() => sdkGate.reset());

  const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
  const shown = (el: Element, name: string) => waitUntil(() => part(el, name), `the ${name} part is shown`);
  /** The SDK's `isAvailableOnDevice` requests the page sent. */
  const deviceChecks = () =>
    rig.recorder.requests.filter((r) => r.method === 'GET' && r.url.includes('/client/user-authenticators/passkey'))
      .length;
  const authentications = async (userId: string) =>
    (await backend.requests(userId)).filter((r) => r.path.endsWith('/authentication-options')).length;

  async function emailUser() {
    const userId = uniqueUser('methods');
    const email = `${userId}@example.com`;
    await backend.enrollVerified(userId, { verificationMethod: 'EMAIL_OTP', email });
    return { userId, email };
  }

  async function enrollPasskey(userId: string) {
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll tenant-id=${rig.info.tenantId} base-url=${rig.info.url}></passkey-enroll>`,
    );
    el.token = (await backend.track(userId, 'enroll-passkey', { scope: 'add:authenticators' })).token;
    part(el, 'button')!.click();
    await nextEvent(el, ['passkey-enroll-success']);
    el.remove();
  }

  async function stepUp(userId: string, methods: string) {
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge
        tenant-id=${rig.info.tenantId}
        base-url=${rig.info.url}
        user-id=${userId}
        methods=${methods}
      ></step-up-challenge>`,
    );
    el.token = (await backend.track(userId, ACTION)).token;
    return el;
  }

  it('a passkey-only page never fetches the other methods', async () => {
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${rig.info.tenantId}></step-up-challenge>`,
    );
    expect(el.method).to.equal('PASSKEY');
    await nextFrame();
    await nextFrame();
    expect(methodsResources()).to.have.length(0);
  });

  it('paints the passkey button first, then fetches the other methods (not the SDK) to offer them', async () => {
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${rig.info.tenantId} methods="PASSKEY EMAIL_OTP"></step-up-challenge>`,
    );
    const first = part(el, 'button');
    expect(first, 'the first paint has the passkey button').not.to.equal(null);
    expect(el.method).to.equal('PASSKEY');
    await shown(el, 'other-methods');
    // The same button, not made anew (a focused one would keep the focus).
    expect(part(el, 'button')).to.equal(first);
    expect(methodsResources()).to.have.length(1);
    expect(await sdkGate.requests()).to.equal(0, 'no token, no intent: no SDK');
  });

  it('a device without the user’s passkey lands straight on the email code, with no passkey prompt', async () => {
    const { userId, email } = await emailUser();
    const el = await stepUp(userId, 'PASSKEY EMAIL_OTP');
    await waitUntil(() => el.method === 'EMAIL_OTP', 'skipped to the email code');
    await shown(el, 'send-code');
    // The passkey stays on offer: the SDK's record of this device can miss a synced passkey.
    part(el, 'other-methods')!.click();
    await shown(el, 'method-option');
    expect(part(el, 'method-option')!.dataset.method).to.equal('PASSKEY');
    part(el, 'back')!.click();
    await shown(el, 'send-code');
    part(el, 'send-code')!.click();
    await shown(el, 'code');
    (part(el, 'code') as HTMLInputElement).value = (await backend.outbox(email))[0]!.code;
    const ended = nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);
    part(el, 'verify-code')!.click();
    const success = await ended;
    expect(success.detail.method).to.equal('EMAIL_OTP');
    const validation = await backend.validate({ token: success.detail.token, userId, action: ACTION });
    expect(validation).to.include({ isValid: true, verificationMethod: 'EMAIL_OTP' });
    expect(await authentications(userId)).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('in the dialog, the focus follows to the email code; a passkey added since is offered with the next token', async () => {
    const { userId } = await emailUser();
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge
        tenant-id=${rig.info.tenantId}
        base-url=${rig.info.url}
        user-id=${userId}
        methods="PASSKEY EMAIL_OTP"
        modal
      ></step-up-challenge>`,
    );
    el.token = (await backend.track(userId, ACTION)).token;
    el.open = true;
    await waitUntil(() => el.method === 'EMAIL_OTP', 'skipped to the email code');
    await shown(el, 'send-code');
    await elementUpdated(el);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'send-code'));
    await expect(el).to.be.accessible();
    el.open = false;
    await elementUpdated(el);

    await enrollPasskey(userId);
    el.token = (await backend.track(userId, ACTION)).token;
    el.open = true;
    await waitUntil(() => deviceChecks() === 1, 'the device checked again, now knowing the passkey');
    await elementUpdated(el);
    await nextFrame();
    await nextFrame();
    expect(el.method).to.equal('PASSKEY');
    const ended = nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);
    part(el, 'button')!.click();
    expect((await ended).detail.method).to.equal('PASSKEY');
  });

  it('where WebAuthn cannot work, a passkey listed first is skipped', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true });
    try {
      const { userId } = await emailUser();
      const el = await stepUp(userId, 'PASSKEY EMAIL_OTP');
      await shown(el, 'send-code');
      expect(el.method).to.equal('EMAIL_OTP');
      expect(part(el, 'other-methods'), 'nothing else to offer').to.equal(null);
      expect(el.matches(':state(ready)')).to.equal(true);
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', original);
    }
  });

  it('with a passkey here it opens on the passkey; to email and back, and the passkey completes', async () => {
    const { userId } = await emailUser();
    await enrollPasskey(userId);
    const el = await stepUp(userId, 'PASSKEY EMAIL_OTP');
    await shown(el, 'other-methods');
    // The device check (the SDK's, with the tenant's key: the API cannot tell whose) finds the passkey.
    await waitUntil(() => deviceChecks() === 1, 'the device checked');
    await nextFrame();

    await elementUpdated(el);
    expect(el.method).to.equal('PASSKEY');
    part(el, 'other-methods')!.click();
    await shown(el, 'method-option');
    expect(part(el, 'method-option')!.textContent!.trim()).to.equal('Code by email');
    part(el, 'method-option')!.click();
    await shown(el, 'send-code');
    expect(el.method).to.equal('EMAIL_OTP');
    part(el, 'other-methods')!.click();
    await shown(el, 'method-option');
    expect(part(el, 'method-option')!.textContent!.trim()).to.equal('Passkey');
    part(el, 'method-option')!.click();
    await shown(el, 'button');
    await elementUpdated(el);
    expect(el.method).to.equal('PASSKEY');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button'));
    const ended = nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);
    part(el, 'button')!.click();
    const success = await ended;
    expect(success.type).to.equal('step-up-challenge-success');
    expect(success.detail.method).to.equal('PASSKEY');
    const validation = await backend.validate({ token: success.detail.token, userId, action: ACTION });
    expect(validation).to.include({ isValid: true, verificationMethod: 'PASSKEY' });
  });

  it('a dismissed passkey prompt leaves the way open to the email code', async () => {
    const { userId, email } = await emailUser();
    await enrollPasskey(userId);
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge
        tenant-id=${rig.info.tenantId}
        base-url=${rig.info.url}
        methods="PASSKEY EMAIL_OTP"
      ></step-up-challenge>`,
    );
    el.token = (await backend.track(userId, ACTION)).token;
    await shown(el, 'other-methods');
    // The person fails (or dismisses) the device's check: the prompt ends without a passkey.
    await virtualAuthenticator.setUserVerified(rig.authenticatorId, false);
    const ended = nextEvent(el, ENDED);
    part(el, 'button')!.click();
    expect((await ended).type).to.equal('step-up-challenge-cancel');
    part(el, 'other-methods')!.click();
    await shown(el, 'method-option');
    part(el, 'method-option')!.click();
    await shown(el, 'send-code');
    part(el, 'send-code')!.click();
    await shown(el, 'code');
    (part(el, 'code') as HTMLInputElement).value = (await backend.outbox(email))[0]!.code;
    const done = nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);
    part(el, 'verify-code')!.click();
    expect((await done).detail.method).to.equal('EMAIL_OTP');
  });
});
