import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { PasskeyEnroll, PasskeySignIn, PasskeySignInSuccessEvent, StepUpChallenge } from '../../src/index.js';
import { AutofillController } from '../../src/controllers/autofill-controller.js';
import { setUserPresence } from '../../testing/browser.js';
import { backend, uniqueUser } from './support/backend.js';
import { useCeremonyRig } from './support/ceremony-rig.js';
import { nextEvent, recordEvents, SIGN_IN_EVENTS, STEP_UP_EVENTS } from './support/events.js';
import { virtualAuthenticator } from './support/virtual-authenticator.js';

const ENDED = ['passkey-sign-in-success', 'passkey-sign-in-error', 'passkey-sign-in-cancel'];

/** Every WebAuthn request the page makes, with the signal the browser was handed. */
interface Seen {
  kind: 'get' | 'create';
  mediation?: string;
  signal?: AbortSignal;
  /** Set once the browser's promise settled. */
  settled?: 'fulfilled' | 'rejected';
  error?: string;
}

/**
 * Watches `navigator.credentials` (the element wraps whatever it finds there while its conditional
 * request is pending, and hands the browser the combined signal: what this records is what the
 * browser got).
 */
function watchWebAuthn(): { seen: Seen[]; uninstall(): void } {
  const container = navigator.credentials as unknown as Record<string, (options?: object) => Promise<unknown>>;
  const seen: Seen[] = [];
  for (const kind of ['get', 'create'] as const) {
    const original = CredentialsContainer.prototype[kind] as (options?: object) => Promise<unknown>;
    container[kind] = (options?: { mediation?: string; signal?: AbortSignal }) => {
      const entry: Seen = { kind, mediation: options?.mediation, signal: options?.signal };
      seen.push(entry);
      const request = original.call(navigator.credentials, options);
      request.then(
        () => (entry.settled = 'fulfilled'),
        (error: Error) => {
          entry.settled = 'rejected';
          entry.error = error.name;
        },
      );
      return request;
    };
  }
  return {
    seen,
    uninstall: () => {
      delete container.get;
      delete container.create;
    },
  };
}

// Real ceremonies: the element, the published SDK, Chromium's virtual authenticator, the emulator.
describe('<passkey-sign-in> ceremonies', () => {
  const rig = useCeremonyRig();
  let webauthn: ReturnType<typeof watchWebAuthn>;
  let warnings: string[];
  const realWarn = console.warn;

  beforeEach(() => {
    webauthn = watchWebAuthn();
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  });
  afterEach(async () => {
    console.warn = realWarn;
    // Elements still on the page end their requests when removed.
    document.querySelectorAll('passkey-sign-in').forEach((el) => el.remove());
    await waitUntil(() => webauthn.seen.every((s) => s.settled), 'every WebAuthn request ended');
    webauthn.uninstall();
    await setUserPresence(true);
  });

  const button = (el: PasskeySignIn) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
  const statusText = (el: PasskeySignIn) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
  const conditional = () => webauthn.seen.filter((s) => s.mediation === 'conditional');
  const modal = () => webauthn.seen.filter((s) => s.kind === 'get' && s.mediation !== 'conditional');

  /** Creates a passkey for the user on the given kind of authenticator, as <passkey-enroll> would. */
  async function enrolled(userId: string, attachment: 'platform' | 'cross-platform' = 'platform') {
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll
        tenant-id=${rig.info.tenantId}
        base-url=${rig.info.url}
        authenticator-attachment=${attachment}
      ></passkey-enroll>`,
    );
    el.token = (await backend.track(userId, 'enroll-passkey', { scope: 'add:authenticators' })).token;
    el.shadowRoot!.querySelector('button')!.click();
    const event = await nextEvent<CustomEvent>(el, ['passkey-enroll-success', 'passkey-enroll-error']);
    expect(event.type).to.equal('passkey-enroll-success');
    el.remove();
    return event.detail as { userAuthenticatorId: string };
  }

  function signIn(autofill = false, input = html`<input name="username" autocomplete="username" />`) {
    return fixture<PasskeySignIn>(
      autofill
        ? html`<passkey-sign-in tenant-id=${rig.info.tenantId} base-url=${rig.info.url} autofill
            >${input}</passkey-sign-in
          >`
        : html`<passkey-sign-in tenant-id=${rig.info.tenantId} base-url=${rig.info.url}></passkey-sign-in>`,
    );
  }

  it('a click signs in with a discoverable passkey; the server learns the user from the token', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const el = await signIn();
    const onDocument = recordEvents(document, SIGN_IN_EVENTS);
    button(el).click();
    const event = await nextEvent<PasskeySignInSuccessEvent>(el, ENDED);
    expect(event.type).to.equal('passkey-sign-in-success');
    expect(Object.keys(event.detail)).to.deep.equal(['token']);
    expect(onDocument.map((e) => e.type)).to.deep.equal(['passkey-sign-in-start', 'passkey-sign-in-success']);
    expect(event.bubbles && event.composed).to.equal(true);
    // No user id from the browser: the validation names the user.
    const validation = await backend.validate({ token: event.detail.token });
    expect(validation).to.include({ isValid: true, state: 'CHALLENGE_SUCCEEDED', userId, action: 'signIn' });
    await elementUpdated(el);
    expect(statusText(el)).to.equal('Signed in.');
    expect(el.matches(':state(success)')).to.equal(true);
    expect(el.outerHTML).not.to.include(event.detail.token);
    // The key a backend records to use the sign-in once (validation itself is a lookup).
    expect(validation.idempotencyKey).to.be.a('string');
    await expect(el).to.be.accessible();
  });

  it('a user with two passkeys on this device signs in with either, as the same user', async () => {
    const userId = uniqueUser();
    await virtualAuthenticator.add({
      transport: 'usb',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    });
    const first = await enrolled(userId, 'platform');
    const second = await enrolled(userId, 'cross-platform');
    expect(first.userAuthenticatorId).not.to.equal(second.userAuthenticatorId);
    expect(await backend.getAuthenticators(userId)).to.have.length(2);
    const el = await signIn();
    button(el).click();
    const event = await nextEvent<PasskeySignInSuccessEvent>(el, ENDED);
    expect(event.type).to.equal('passkey-sign-in-success');
    expect(await backend.validate({ token: event.detail.token })).to.include({ isValid: true, userId });
  });

  it('a dismissed prompt is a cancel, and the button offers the ceremony again', async () => {
    await enrolled(uniqueUser());
    await virtualAuthenticator.setUserVerified(rig.authenticatorId, false);
    const el = await signIn();
    const events = recordEvents(el, SIGN_IN_EVENTS);
    button(el).click();
    await nextEvent(el, ENDED);
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-sign-in-start', 'passkey-sign-in-cancel']);
    await elementUpdated(el);
    expect(statusText(el)).to.equal('No passkey was used. You can try again, or sign in another way.');
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(button(el).textContent!.trim()).to.equal('Sign in with a passkey');
  });

  it('no passkey on this device: a cancel (browsers do not tell it apart), with no request to verify', async () => {
    const el = await signIn();
    button(el).click();
    const event = await nextEvent(el, ENDED);
    expect(event.type).to.equal('passkey-sign-in-cancel');
    expect(rig.recorder.requests.some((r) => r.url.endsWith('/client/verify/passkey'))).to.equal(false);
  });

  it('a passkey the API no longer knows (deleted on the server): no-passkey, and nobody is signed in', async () => {
    const userId = uniqueUser();
    const { userAuthenticatorId } = await enrolled(userId);
    await backend.deleteAuthenticator(userId, userAuthenticatorId);
    const el = await signIn();
    button(el).click();
    const event = await nextEvent<CustomEvent>(el, ENDED);
    expect(event.type).to.equal('passkey-sign-in-error');
    expect(event.detail).to.deep.equal({
      code: 'no-passkey',
      message: 'This passkey is not registered with us. Sign in another way.',
    });
  });

  it('autofill: a passkey picked from the field signs in, with no click', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    const successes = recordEvents(document, ['passkey-sign-in-success', 'passkey-sign-in-start']);
    // With presence simulated, Chromium's virtual authenticator answers the conditional request at
    // once: what a person picking the passkey from the field's suggestions does.
    const el = await signIn(true);
    await waitUntil(() => successes.length === 1, 'success from autofill', { timeout: 10_000 });
    expect(successes[0]!.type).to.equal('passkey-sign-in-success', 'no start event: nobody clicked');
    expect(conditional()).to.have.length(1);
    expect(modal()).to.have.length(0);
    const token = (successes[0]!.detail as { token: string }).token;
    expect(await backend.validate({ token })).to.include({ isValid: true, userId, action: 'signIn' });
    expect(el.querySelector('input')!.getAttribute('autocomplete')).to.equal('username webauthn');
    await elementUpdated(el);
    expect(statusText(el)).to.equal('Signed in.');
    expect(warnings).to.deep.equal([]);
  });

  it('a click aborts the pending conditional request first, then runs the modal one', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    // Presence off: the conditional request stays pending, as it does while nobody picks.
    await setUserPresence(false);
    const el = await signIn(true);
    await waitUntil(() => conditional().length === 1, 'the conditional request reached the browser');
    const pending = conditional()[0]!;
    expect(pending.signal!.aborted).to.equal(false);
    await setUserPresence(true);
    button(el).click();
    const event = await nextEvent<PasskeySignInSuccessEvent>(el, ENDED);
    expect(event.type).to.equal('passkey-sign-in-success');
    // Ended by its signal, and by the time the modal request started the browser had let it go.
    expect(pending.signal!.aborted).to.equal(true);
    expect(pending).to.include({ settled: 'rejected', error: 'AbortError' });
    expect(webauthn.seen.indexOf(pending)).to.be.below(webauthn.seen.indexOf(modal()[0]!));
    expect(await backend.validate({ token: event.detail.token })).to.include({ isValid: true, userId });
    // Signed in: no new conditional request.
    expect(conditional()).to.have.length(1);
  });

  it('after a cancelled click the field offers passkeys again', async () => {
    await enrolled(uniqueUser());
    await setUserPresence(false);
    const el = await signIn(true);
    await waitUntil(() => conditional().length === 1, 'the first conditional request');
    await virtualAuthenticator.setUserVerified(rig.authenticatorId, false);
    await setUserPresence(true);
    button(el).click();
    expect((await nextEvent(el, ENDED)).type).to.equal('passkey-sign-in-cancel');
    await setUserPresence(false);
    await waitUntil(() => conditional().length === 2, 'a new conditional request');
    expect(conditional()[0]!.signal!.aborted).to.equal(true);
    expect(conditional()[1]!.signal!.aborted).to.equal(false);
  });

  it('removal aborts the pending request, nothing fires after it, and the browser takes the next request', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    await setUserPresence(false);
    const el = await signIn(true);
    await waitUntil(() => conditional().length === 1, 'the conditional request reached the browser');
    const events = recordEvents(document, SIGN_IN_EVENTS);
    el.remove();
    await waitUntil(() => conditional()[0]!.settled, 'the request ended');
    expect(conditional()[0]).to.include({ settled: 'rejected', error: 'AbortError' });
    expect(conditional()[0]!.signal!.aborted).to.equal(true);
    // navigator.credentials is the browser's own again.
    expect(Object.hasOwn(navigator.credentials, 'get')).to.equal(true, "the test's own watcher");
    // A modal request right after works: the browser let the conditional one go.
    await setUserPresence(true);
    const other = await signIn();
    button(other).click();
    const ended = await nextEvent<CustomEvent>(other, ENDED);
    expect([ended.type, ended.detail]).to.deep.equal(['passkey-sign-in-success', ended.detail]);
    expect(ended.type).to.equal('passkey-sign-in-success');
    expect(events.filter((e) => e.event.target === el)).to.deep.equal([]);
  });

  it('removed while the passkey its field returned is being verified: nothing fires after the removal', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    // The SDK writes its record of this device's passkeys once a sign-in verified: then only our
    // own promise callbacks remain, which the next task comes after.
    localStorage.removeItem('as_user_passkey_map');
    const realFetch = window.fetch;
    let reached!: () => void;
    const atVerify = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/client/verify/passkey')) {
        reached();
        await released;
      }
      return realFetch(input, init);
    };
    try {
      const el = await signIn(true);
      // On the element itself: once removed, its events no longer reach the document.
      const events = recordEvents(el, ENDED);
      await atVerify;
      el.remove();
      release();
      await waitUntil(() => localStorage.getItem('as_user_passkey_map')?.includes(userId), 'the SDK verified', {
        timeout: 10_000,
      });
      await new Promise((resolve) => setTimeout(resolve));
      expect(events.map((e) => e.type)).to.deep.equal([]);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('removed as the browser hands over the picked passkey: the SDK still verifies it, but nothing fires', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    localStorage.removeItem('as_user_passkey_map');
    // The browser answers the conditional request in the same moment the page takes the element
    // away (its abort comes too late): the credential reaches the SDK after the removal.
    const watched = navigator.credentials.get;
    const page: { el?: PasskeySignIn } = {};
    (navigator.credentials as unknown as { get: typeof watched }).get = (options) =>
      watched.call(navigator.credentials, options).then((credential) => {
        if (options?.mediation === 'conditional') page.el?.remove();
        return credential;
      });
    const el = (page.el = await signIn(true));
    // On the element itself: once removed, its events no longer reach the document.
    const events = recordEvents(el, ENDED);
    await waitUntil(() => localStorage.getItem('as_user_passkey_map')?.includes(userId), 'the SDK verified', {
      timeout: 10_000,
    });
    await new Promise((resolve) => setTimeout(resolve));
    expect(el.isConnected).to.equal(false);
    expect(events.map((e) => e.type)).to.deep.equal([]);
  });

  it('one autofill element after another, each removed while its request is pending: each gets the browser', async () => {
    await enrolled(uniqueUser());
    await setUserPresence(false);
    for (let i = 1; i <= 5; i++) {
      const el = await signIn(true);
      await waitUntil(() => conditional().length === i, `request ${i} reached the browser`);
      el.remove();
      await waitUntil(() => conditional()[i - 1]!.settled, `request ${i} ended`);
      expect(conditional()[i - 1]).to.include({ settled: 'rejected', error: 'AbortError' });
    }
  });

  it('moved in the page while its request is pending: the request is ended, then made anew', async () => {
    await enrolled(uniqueUser());
    await setUserPresence(false);
    const el = await signIn(true);
    await waitUntil(() => conditional().length === 1, 'the first request');
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(el);
    await waitUntil(() => conditional().length === 2, 'a new request after the move');
    expect(conditional()[0]).to.include({ settled: 'rejected', error: 'AbortError' });
    expect(conditional()[1]!.signal!.aborted).to.equal(false);
    expect(warnings).to.deep.equal([]);
    elsewhere.remove();
  });

  it('a second autofill element says so in the console, stays button-only and leaves the pending request alone', async () => {
    await enrolled(uniqueUser());
    await setUserPresence(false);
    const first = await signIn(true);
    await waitUntil(() => conditional().length === 1, 'the first conditional request');
    const second = await signIn(true);
    await elementUpdated(second);
    // Added later, the same.
    const third = document.createElement('passkey-sign-in');
    Object.assign(third, { tenantId: rig.info.tenantId, baseUrl: rig.info.url, autofill: true });
    third.innerHTML = '<input name="username">';
    document.body.append(third);
    await elementUpdated(third);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(conditional()).to.have.length(1);
    expect(conditional()[0]!.signal!.aborted).to.equal(false);
    expect(warnings.filter((w) => w.includes('is not the first on this page'))).to.have.length(2);
    // The second's button still works; it takes the browser from the first, which comes back after.
    await setUserPresence(true);
    button(second).click();
    expect((await nextEvent(second, ENDED)).type).to.equal('passkey-sign-in-success');
    expect(conditional()[0]!.signal!.aborted).to.equal(true);
    third.remove();
    first.remove();
  });

  it('a step-up on the same page takes the browser from the pending request, which comes back after', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    await setUserPresence(false);
    await signIn(true);
    await waitUntil(() => conditional().length === 1, 'the conditional request');
    await setUserPresence(true);
    const stepUp = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${rig.info.tenantId} base-url=${rig.info.url}></step-up-challenge>`,
    );
    stepUp.token = (await backend.track(userId, 'high-value-transfer')).token;
    const ended = nextEvent(stepUp, STEP_UP_EVENTS.slice(1));
    stepUp.shadowRoot!.querySelector('button')!.click();
    expect((await ended).type).to.equal('step-up-challenge-success');
    expect(conditional()[0]).to.include({ settled: 'rejected', error: 'AbortError' });
    await waitUntil(() => conditional().length === 2, 'the conditional request made anew');
  });

  it('a request nobody answers is made anew before its challenge expires, and a passkey picked then signs in', async () => {
    const userId = uniqueUser();
    await enrolled(userId);
    await setUserPresence(false);
    const refresh = AutofillController.refreshMs;
    AutofillController.refreshMs = 300;
    try {
      const el = await signIn(true);
      const events = recordEvents(el, SIGN_IN_EVENTS);
      await waitUntil(() => conditional().length >= 2, 'a second request after the refresh', { timeout: 5_000 });
      expect(conditional()[0]).to.include({ settled: 'rejected', error: 'AbortError' });
      expect(events).to.deep.equal([], 'a refresh fires nothing');
      const challenges = () => rig.recorder.requests.filter((r) => r.url.endsWith('/client/challenge')).length;
      expect(challenges()).to.be.at.least(2, 'each request with a challenge of its own');
      // The person picks a passkey from the request in place then (presence on: answered at once).
      await setUserPresence(true);
      const success = await nextEvent<PasskeySignInSuccessEvent>(el, ENDED);
      expect(success.type).to.equal('passkey-sign-in-success');
      expect(await backend.validate({ token: success.detail.token })).to.include({ isValid: true, userId });
    } finally {
      AutofillController.refreshMs = refresh;
    }
  });

  it('where conditional mediation is missing: the button alone, no request, no warning, no error', async () => {
    const original = PublicKeyCredential.isConditionalMediationAvailable;
    PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
    try {
      const el = await signIn(true);
      const events = recordEvents(el, SIGN_IN_EVENTS);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(webauthn.seen).to.deep.equal([]);
      expect(events).to.deep.equal([]);
      expect(warnings).to.deep.equal([]);
      expect(button(el).disabled).to.equal(false);
    } finally {
      PublicKeyCredential.isConditionalMediationAvailable = original;
    }
  });
});
