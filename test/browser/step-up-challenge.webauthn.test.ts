import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { PasskeyEnroll, StepUpChallenge, StepUpChallengeSuccessEvent } from '../../src/index.js';
import { setUserPresence } from '../../testing/browser.js';
import { backend, uniqueUser } from './support/backend.js';
import { useCeremonyRig } from './support/ceremony-rig.js';
import { ENROLL_EVENTS, nextEvent, recordEvents, STEP_UP_EVENTS } from './support/events.js';
import { virtualAuthenticator } from './support/virtual-authenticator.js';

const ENDED = ['step-up-challenge-success', 'step-up-challenge-error', 'step-up-challenge-cancel'];

// Real ceremonies: the element, the published SDK, Chromium's virtual authenticator, the emulator.
describe('<step-up-challenge> ceremonies', () => {
  const rig = useCeremonyRig();

  const button = (el: StepUpChallenge) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
  const statusText = (el: StepUpChallenge) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
  const dialog = (el: StepUpChallenge) => el.shadowRoot!.querySelector('dialog')!;
  const authentications = async (userId: string) =>
    (await backend.requests(userId)).filter((r) => r.path.endsWith('/authentication-options')).length;

  /** Enrolls a passkey for the user with the SDK (as <passkey-enroll> would). */
  async function enrolled(userId: string): Promise<void> {
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll tenant-id=${rig.info.tenantId} base-url=${rig.info.url}></passkey-enroll>`,
    );
    el.token = (await backend.track(userId, 'enroll-passkey', { scope: 'add:authenticators' })).token;
    el.shadowRoot!.querySelector('button')!.click();
    await nextEvent(el, ['passkey-enroll-success']);
    el.remove();
  }
  async function stepUp(userId: string, attributes: Record<string, unknown> = {}, extra = html``) {
    const track = await backend.track(userId, 'high-value-transfer', attributes);
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${rig.info.tenantId} base-url=${rig.info.url}>${extra}</step-up-challenge>`,
    );
    el.token = track.token;
    return { el, track };
  }

  /** A step-up with `user-id`, so the element checks this device before any prompt. */
  async function stepUpWithUserId(userId: string): Promise<StepUpChallenge> {
    const track = await backend.track(userId, 'high-value-transfer');
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge
        tenant-id=${rig.info.tenantId}
        base-url=${rig.info.url}
        user-id=${userId}
      ></step-up-challenge>`,
    );
    el.token = track.token;
    return el;
  }

  it('token mode: track → CHALLENGE_REQUIRED → element → success → validateChallenge binds the action', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const { el, track } = await stepUp(userId, { idempotencyKey: `transfer-${userId}`, custom: { amount: 7500 } });
    expect(track.state).to.equal('CHALLENGE_REQUIRED');
    const onDocument = recordEvents(document, ['step-up-challenge-success']);
    button(el).click();
    const event = await nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);
    expect(event.type).to.equal('step-up-challenge-success');
    expect(Object.keys(event.detail)).to.deep.equal(['token', 'method']);
    expect(event.detail.method).to.equal('PASSKEY');
    expect(onDocument).to.have.length(1, 'bubbles and is composed');
    const validation = await backend.validate({ token: event.detail.token, userId, action: 'high-value-transfer' });
    expect(validation).to.include({
      isValid: true,
      state: 'CHALLENGE_SUCCEEDED',
      userId,
      action: 'high-value-transfer',
      idempotencyKey: `transfer-${userId}`,
    });
    await elementUpdated(el);
    expect(statusText(el)).to.equal('Confirmed.');
    expect(el.matches(':state(success)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('action mode: signs in with a discoverable passkey, no token', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge
        tenant-id=${rig.info.tenantId}
        base-url=${rig.info.url}
        action="export-data"
      ></step-up-challenge>`,
    );
    button(el).click();
    const event = await nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);
    expect(event.type).to.equal('step-up-challenge-success');
    const validation = await backend.validate({ token: event.detail.token, action: 'export-data' });
    expect(validation).to.include({ isValid: true, state: 'CHALLENGE_SUCCEEDED', userId, action: 'export-data' });
  });

  it("never validates a token won for user A's action as user B's, or as A's other action", async () => {
    const alice = uniqueUser('alice');
    const bob = uniqueUser('bob');
    await enrolled(alice);
    await enrolled(bob);
    const { el, track } = await stepUp(alice, { idempotencyKey: `alice-tx-1-${alice}` });
    const other = await backend.track(alice, 'high-value-transfer', { idempotencyKey: `alice-tx-2-${alice}` });
    button(el).click();
    const { detail } = await nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);

    const asBob = await backend.validate({ token: detail.token, userId: bob, action: 'high-value-transfer' });
    expect(asBob.isValid).to.equal(false);
    // validateChallenge reports which action the token completed: the server must compare the
    // idempotency key with the one it recorded for the transfer it is about to execute.
    const asAlice = await backend.validate({ token: detail.token, userId: alice, action: 'high-value-transfer' });
    expect(asAlice.isValid).to.equal(true);
    expect(asAlice.idempotencyKey).to.equal(track.idempotencyKey);
    expect(asAlice.idempotencyKey).not.to.equal(other.idempotencyKey);
    expect((await backend.validate({ token: other.token, userId: alice })).isValid).to.equal(false);
  });

  it('reports a failed user verification as cancel, and the same token succeeds on retry', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const { el, track } = await stepUp(userId);
    await virtualAuthenticator.setUserVerified(rig.authenticatorId, false);
    const events = recordEvents(el, STEP_UP_EVENTS);
    button(el).click();
    await nextEvent(el, ENDED);
    await elementUpdated(el);
    expect(events.map((e) => e.type)).to.deep.equal(['step-up-challenge-start', 'step-up-challenge-cancel']);
    expect(statusText(el)).to.equal('Confirmation was cancelled. You can try again.');
    expect(await backend.validate({ token: track.token })).to.include({ isValid: false, state: 'CHALLENGE_REQUIRED' });
    await expect(el).to.be.accessible();

    await virtualAuthenticator.setUserVerified(rig.authenticatorId, true);
    button(el).click();
    expect((await nextEvent(el, ENDED)).type).to.equal('step-up-challenge-success');
  });

  it('with user-id, says no-passkey when this device holds none, without a prompt', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    // Another device: a fresh authenticator and a browser that never saw this user's passkey.
    await virtualAuthenticator.removeAll();
    rig.authenticatorId = await virtualAuthenticator.add();
    localStorage.clear();
    const el = await stepUpWithUserId(userId);
    button(el).click();
    const event = await nextEvent<CustomEvent>(el, ENDED);
    await elementUpdated(el);
    expect(event.detail?.code).to.equal('no-passkey');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim()).to.equal(
      'There is no passkey for your account on this device.',
    );
    expect(await authentications(userId)).to.equal(0, 'no prompt was opened');
  });

  it('with user-id, goes ahead when this device holds the passkey', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const el = await stepUpWithUserId(userId);
    button(el).click();
    expect((await nextEvent(el, ENDED)).type).to.equal('step-up-challenge-success');
  });

  it('makes one ceremony for a double activation', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const { el } = await stepUp(userId);
    const events = recordEvents(el, STEP_UP_EVENTS);
    button(el).click();
    button(el).click();
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    el.start();
    await nextEvent(el, ENDED);
    await new Promise((r) => setTimeout(r, 200));
    expect(events.map((e) => e.type)).to.deep.equal(['step-up-challenge-start', 'step-up-challenge-success']);
    expect(await authentications(userId)).to.equal(1);
  });

  it('fires nothing after removal mid-ceremony, and a new ceremony is not blocked', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const { el } = await stepUp(userId);
    const events = recordEvents(el, STEP_UP_EVENTS);
    const onDocument = recordEvents(document, STEP_UP_EVENTS.slice(1));
    const verification = rig.recorder.holdNext('/client/verify/passkey');
    button(el).click();
    await waitUntil(() => verification.reached, 'the verification request is in flight');
    el.remove();
    verification.release();
    await new Promise((r) => setTimeout(r, 300));
    expect(events.map((e) => e.type)).to.deep.equal(['step-up-challenge-start']);
    expect(onDocument).to.have.length(0);

    const next = await stepUp(userId);
    button(next.el).click();
    expect((await nextEvent(next.el, ENDED)).type).to.equal('step-up-challenge-success');
  });

  it('modal: success closes the dialog and returns focus to the opener', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const track = await backend.track(userId, 'high-value-transfer');
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <button id="opener">Send</button>
        <step-up-challenge tenant-id=${rig.info.tenantId} base-url=${rig.info.url} modal>
          <span slot="description">Confirm the transfer of $7,500 to Bob</span>
        </step-up-challenge>
      </div>`,
    );
    const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
    const el = wrapper.querySelector('step-up-challenge')!;
    opener.focus();
    el.token = track.token;
    el.open = true;
    await elementUpdated(el);
    expect(dialog(el).open).to.equal(true);
    button(el).click();
    const event = await nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);
    expect(event.type).to.equal('step-up-challenge-success');
    await waitUntil(() => !dialog(el).open, 'the dialog closes');
    await waitUntil(() => document.activeElement === opener, 'focus returns to the opener');
    expect(el.open).to.equal(false);
  });

  it('modal: Escape during the prompt cancels, closes, and the late result is ignored', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const track = await backend.track(userId, 'high-value-transfer');
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${rig.info.tenantId} base-url=${rig.info.url} modal></step-up-challenge>`,
    );
    el.token = track.token;
    el.open = true;
    await elementUpdated(el);
    await setUserPresence(false);
    const events = recordEvents(el, STEP_UP_EVENTS);
    button(el).click();
    await waitUntil(() => statusText(el) === 'Waiting for your device…');
    expect(el.matches(':state(working)')).to.equal(true);
    await expect(el).to.be.accessible();
    const cancelled = nextEvent(el, ['step-up-challenge-cancel']);
    await sendKeys({ press: 'Escape' });
    await cancelled;
    expect(dialog(el).open).to.equal(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(events.map((e) => e.type)).to.deep.equal(['step-up-challenge-start', 'step-up-challenge-cancel']);
    expect(await backend.validate({ token: track.token })).to.include({ isValid: false });
  });

  it('autostart: begins as soon as the token is set, where the browser allows it', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const track = await backend.track(userId, 'high-value-transfer');
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${rig.info.tenantId} base-url=${rig.info.url} autostart></step-up-challenge>`,
    );
    const ended = nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);
    el.token = track.token;
    const event = await ended;
    expect(event.type).to.equal('step-up-challenge-success');
    expect((await backend.validate({ token: event.detail.token, userId })).isValid).to.equal(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(await authentications(userId)).to.equal(1, 'once per token');
  });

  it('an enroll and a step-up element on one page do not disturb each other', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const newcomer = uniqueUser('newcomer');
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <passkey-enroll tenant-id=${rig.info.tenantId} base-url=${rig.info.url}></passkey-enroll>
        <step-up-challenge tenant-id=${rig.info.tenantId} base-url=${rig.info.url}></step-up-challenge>
      </div>`,
    );
    const enroll = wrapper.querySelector('passkey-enroll')!;
    const step = wrapper.querySelector('step-up-challenge')!;
    const enrollEvents = recordEvents(enroll, [...ENROLL_EVENTS, ...STEP_UP_EVENTS]);
    const stepEvents = recordEvents(step, [...ENROLL_EVENTS, ...STEP_UP_EVENTS]);
    enroll.token = (await backend.track(newcomer, 'enroll-passkey')).token;
    step.token = (await backend.track(userId, 'high-value-transfer')).token;

    enroll.shadowRoot!.querySelector('button')!.click();
    const enrolledEvent = await nextEvent<CustomEvent<{ token: string }>>(enroll, [
      'passkey-enroll-success',
      'passkey-enroll-error',
    ]);
    button(step).click();
    const steppedUp = await nextEvent<StepUpChallengeSuccessEvent>(step, ENDED);

    expect(enrollEvents.map((e) => e.type)).to.deep.equal(['passkey-enroll-start', 'passkey-enroll-success']);
    expect(stepEvents.map((e) => e.type)).to.deep.equal(['step-up-challenge-start', 'step-up-challenge-success']);
    expect((await backend.validate({ token: enrolledEvent.detail.token })).userId).to.equal(newcomer);
    expect(await backend.validate({ token: steppedUp.detail.token })).to.include({
      userId,
      action: 'high-value-transfer',
      isValid: true,
    });
    await elementUpdated(enroll);
    expect(enroll.matches(':state(success)')).to.equal(true);
  });
});
