import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/passkey-enroll.js';
import type { PasskeyEnroll, PasskeyEnrollSuccessEvent } from '../../src/passkey-enroll.js';
import { setUserPresence } from '../../testing/browser.js';
import { backend, uniqueUser } from './support/backend.js';
import { useCeremonyRig } from './support/ceremony-rig.js';
import { ENROLL_EVENTS, nextEvent, recordEvents } from './support/events.js';
import { virtualAuthenticator } from './support/virtual-authenticator.js';

// Real ceremonies: the element, the published SDK, Chromium's virtual authenticator, the emulator.
describe('<passkey-enroll> ceremonies', () => {
  const rig = useCeremonyRig();

  const button = (el: PasskeyEnroll) => el.shadowRoot!.querySelector('button')!;
  const statusText = (el: PasskeyEnroll) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
  const registrations = async (userId: string) =>
    (await backend.requests(userId)).filter((r) => r.path.endsWith('/passkey/registration-options')).length;
  const enrollToken = async (userId: string) =>
    (await backend.track(userId, 'enroll-passkey', { scope: 'add:authenticators' })).token;
  async function element(userId: string, extra = ''): Promise<PasskeyEnroll> {
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll tenant-id=${rig.info.tenantId} base-url=${rig.info.url} username=${`${userId}@example.com`}
        >${extra}</passkey-enroll
      >`,
    );
    el.token = await enrollToken(userId);
    return el;
  }

  /** An element that fetches its token from the test backend's token endpoint for this user. */
  const withTokenUrl = (userId: string) =>
    fixture<PasskeyEnroll>(
      html`<passkey-enroll
        tenant-id=${rig.info.tenantId}
        base-url=${rig.info.url}
        token-url=${`/test-backend/enroll-token?user=${userId}`}
      ></passkey-enroll>`,
    );

  it('enrolls on click and the token validates on the server for that user', async () => {
    const userId = uniqueUser();
    const el = await element(userId);
    const onDocument = recordEvents(document, ['passkey-enroll-success']);
    button(el).click();
    const event = await nextEvent<PasskeyEnrollSuccessEvent>(el, [
      'passkey-enroll-success',
      'passkey-enroll-error',
      'passkey-enroll-cancel',
    ]);
    expect(event.type).to.equal('passkey-enroll-success');
    expect(Object.keys(event.detail).sort()).to.deep.equal(['token', 'userAuthenticatorId']);
    expect(onDocument).to.have.length(1, 'bubbles and is composed');

    const validation = await backend.validate({ token: event.detail.token, userId, action: 'enroll-passkey' });
    expect(validation).to.include({ isValid: true, state: 'CHALLENGE_SUCCEEDED', userId });
    const authenticators = await backend.getAuthenticators(userId);
    expect(authenticators.map((a) => a.userAuthenticatorId)).to.deep.equal([event.detail.userAuthenticatorId]);

    await elementUpdated(el);
    expect(statusText(el)).to.equal('Passkey created.');
    expect(el.matches(':state(success)')).to.equal(true);
    const status = getComputedStyle(el.shadowRoot!.querySelector('[part="status"]')!);
    expect([status.fontWeight, status.color], 'the success style').to.deep.equal(['600', 'rgb(21, 128, 61)']);
    expect(button(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('with token-url, fetches the token before the click and enrolls', async () => {
    const userId = uniqueUser();
    const el = await withTokenUrl(userId);
    await waitUntil(async () => (await backend.tokensIssued(userId)) === 1, 'token fetched when connected');
    button(el).click();
    const event = await nextEvent<PasskeyEnrollSuccessEvent>(el, ['passkey-enroll-success', 'passkey-enroll-error']);
    expect(event.type).to.equal('passkey-enroll-success');
    expect(await backend.tokensIssued(userId)).to.equal(1, 'the click did not wait for a fetch');
    expect(await backend.validate({ token: event.detail.token, userId })).to.include({ isValid: true });
  });

  it('with token-url, drops its token when taken off the page and fetches a fresh one when put back', async () => {
    const userId = uniqueUser();
    const el = await withTokenUrl(userId);
    await waitUntil(async () => (await backend.tokensIssued(userId)) === 1, 'token fetched when connected');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(async () => (await backend.tokensIssued(userId)) === 2, 'a fresh token once back on the page');
    button(el).click();
    const event = await nextEvent<PasskeyEnrollSuccessEvent>(el, ['passkey-enroll-success', 'passkey-enroll-error']);
    expect(event.type).to.equal('passkey-enroll-success');
    expect(await backend.tokensIssued(userId)).to.equal(2, 'the click used the token fetched on return');
  });

  it('with token-url, enrolls for the user of its current URL: a new URL drops the old token and fetches its own', async () => {
    const [first, second] = [uniqueUser(), uniqueUser()];
    const el = await withTokenUrl(first);
    await waitUntil(async () => (await backend.tokensIssued(first)) === 1, 'the first URL’s token fetched');
    el.tokenUrl = `/test-backend/enroll-token?user=${second}`;
    await waitUntil(
      async () => (await backend.tokensIssued(second)) === 1,
      'the new URL’s token fetched before the click',
    );
    button(el).click();
    const event = await nextEvent<PasskeyEnrollSuccessEvent>(el, ['passkey-enroll-success', 'passkey-enroll-error']);
    expect(event.type).to.equal('passkey-enroll-success');
    expect(await backend.validate({ token: event.detail.token, userId: second })).to.include({ isValid: true });
    expect(await backend.getAuthenticators(first)).to.deep.equal([], 'nothing added for the first URL’s user');
    expect([await backend.tokensIssued(first), await backend.tokensIssued(second)]).to.deep.equal([1, 1]);
  });

  it('with token-url, a click in the same task as a new URL uses the new URL’s token, not the old one', async () => {
    const [first, second] = [uniqueUser(), uniqueUser()];
    const el = await withTokenUrl(first);
    await waitUntil(async () => (await backend.tokensIssued(first)) === 1, 'the first URL’s token fetched');
    el.tokenUrl = `/test-backend/enroll-token?user=${second}`;
    button(el).click();
    const event = await nextEvent<PasskeyEnrollSuccessEvent>(el, ['passkey-enroll-success', 'passkey-enroll-error']);
    expect(event.type).to.equal('passkey-enroll-success');
    expect(await backend.validate({ token: event.detail.token, userId: second })).to.include({ isValid: true });
    expect(await backend.getAuthenticators(first)).to.deep.equal([], 'nothing added for the first URL’s user');
  });

  it('with token-url, fetches a new token after an expired one, and the retry succeeds', async () => {
    const userId = uniqueUser();
    const el = await withTokenUrl(userId);
    await waitUntil(async () => (await backend.tokensIssued(userId)) === 1);
    await backend.advanceClock(601);
    try {
      button(el).click();
      const expired = await nextEvent<CustomEvent>(el, ['passkey-enroll-error', 'passkey-enroll-success']);
      expect(expired.detail.code).to.equal('expired-token');
      await waitUntil(async () => (await backend.tokensIssued(userId)) === 2, 'refetched after expiry');
      button(el).click();
      const retry = await nextEvent<PasskeyEnrollSuccessEvent>(el, ['passkey-enroll-success', 'passkey-enroll-error']);
      expect(retry.type).to.equal('passkey-enroll-success');
      expect((await backend.validate({ token: retry.detail.token, userId })).isValid).to.equal(true);
    } finally {
      await backend.resetClock();
    }
  });

  it('follows prefers-color-scheme and prefers-reduced-motion, and host overrides win', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll tenant-id="t"></passkey-enroll>`);
    const background = () => getComputedStyle(button(el)).backgroundColor;
    try {
      await emulateMedia({ colorScheme: 'light' });
      expect(background()).to.equal('rgb(29, 78, 216)');
      await emulateMedia({ colorScheme: 'dark' });
      expect(background()).to.equal('rgb(147, 197, 253)');
      await expect(el).to.be.accessible();
      el.style.setProperty('--passkey-color-primary', 'rgb(1, 2, 3)');
      expect(background()).to.equal('rgb(1, 2, 3)');
      el.style.removeProperty('--passkey-color-primary');
      document.documentElement.style.setProperty('--passkey-color-primary', 'rgb(4, 5, 6)');
      expect(background()).to.equal('rgb(4, 5, 6)', 'a theme on :root reaches the element');
    } finally {
      document.documentElement.style.removeProperty('--passkey-color-primary');
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('stops the spinner under prefers-reduced-motion', async () => {
    const userId = uniqueUser();
    const el = await element(userId);
    await setUserPresence(false);
    button(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('.spinner'));
    const spinner = el.shadowRoot!.querySelector('.spinner')!;
    try {
      expect(getComputedStyle(spinner).animationName).to.equal('spin');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(spinner).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
      el.remove();
    }
  });

  it('works from the keyboard alone', async () => {
    const userId = uniqueUser();
    const el = await element(userId);
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    const event = await nextEvent(el, ['passkey-enroll-success', 'passkey-enroll-error', 'passkey-enroll-cancel']);
    expect(event.type).to.equal('passkey-enroll-success');
  });

  it('reports a dismissed prompt as cancel, then succeeds on retry', async () => {
    const userId = uniqueUser();
    const el = await element(userId);
    await virtualAuthenticator.setUserVerified(rig.authenticatorId, false);
    const events = recordEvents(el, ENROLL_EVENTS);
    button(el).click();
    await nextEvent(el, ['passkey-enroll-cancel', 'passkey-enroll-success', 'passkey-enroll-error']);
    await elementUpdated(el);
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-enroll-start', 'passkey-enroll-cancel']);
    expect(statusText(el)).to.equal('Passkey creation was cancelled. You can try again.');
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(await backend.getAuthenticators(userId)).to.have.length(0);
    await expect(el).to.be.accessible();

    await virtualAuthenticator.setUserVerified(rig.authenticatorId, true);
    button(el).click();
    const retry = await nextEvent(el, ['passkey-enroll-success', 'passkey-enroll-error', 'passkey-enroll-cancel']);
    expect(retry.type).to.equal('passkey-enroll-success');
  });

  it('reports already-registered for the same authenticator twice', async () => {
    const userId = uniqueUser();
    const first = await element(userId);
    button(first).click();
    await nextEvent(first, ['passkey-enroll-success']);
    const second = await element(userId);
    button(second).click();
    const event = await nextEvent<CustomEvent>(second, ['passkey-enroll-error', 'passkey-enroll-success']);
    await elementUpdated(second);
    expect(event.type).to.equal('passkey-enroll-error');
    expect(event.detail).to.deep.equal({
      code: 'already-registered',
      message: 'This device already has a passkey for your account.',
    });
    expect(second.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim()).to.equal(event.detail.message);
    expect(await backend.getAuthenticators(userId)).to.have.length(1);
    await expect(second).to.be.accessible();
  });

  it('makes one registration for a double click and Enter-then-click', async () => {
    const userId = uniqueUser();
    const el = await element(userId);
    const events = recordEvents(el, ENROLL_EVENTS);
    button(el).click();
    button(el).click();
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    button(el).click();
    await nextEvent(el, ['passkey-enroll-success', 'passkey-enroll-error', 'passkey-enroll-cancel']);
    await new Promise((r) => setTimeout(r, 200));
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-enroll-start', 'passkey-enroll-success']);
    expect(await registrations(userId)).to.equal(1);
    expect(await backend.getAuthenticators(userId)).to.have.length(1);
    expect(await virtualAuthenticator.credentials(rig.authenticatorId)).to.have.length(1);
  });

  it('shows the working state while the device is asked, axe-clean', async () => {
    const userId = uniqueUser();
    const el = await element(userId);
    // The authenticator waits for a touch that never comes.
    await setUserPresence(false);
    button(el).click();
    await waitUntil(() => statusText(el) === 'Waiting for your device…', 'working state');
    await waitUntil(() => rig.recorder.requests.some((r) => r.url.endsWith('/registration-options')));
    expect(el.matches(':state(working)')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(button(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('fires nothing after removal mid-ceremony, and a new ceremony is not blocked', async () => {
    const userId = uniqueUser();
    const el = await element(userId);
    const events = recordEvents(el, ENROLL_EVENTS);
    const onDocument = recordEvents(document, ENROLL_EVENTS.slice(1));
    const verification = rig.recorder.holdNext('/client/user-authenticators/passkey');
    button(el).click();
    await waitUntil(() => verification.reached, 'the verification request is in flight');
    el.remove();
    verification.release();
    await waitUntil(async () => (await backend.getAuthenticators(userId)).length === 1, 'the server finished');
    await new Promise((r) => setTimeout(r, 200));
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-enroll-start']);
    expect(onDocument).to.have.length(0);

    const other = uniqueUser();
    const next = await element(other);
    button(next).click();
    expect(
      (await nextEvent(next, ['passkey-enroll-success', 'passkey-enroll-error', 'passkey-enroll-cancel'])).type,
    ).to.equal('passkey-enroll-success');
  });

  it('two elements for two users each enroll their own user', async () => {
    const alice = uniqueUser('alice');
    const bob = uniqueUser('bob');
    const a = await element(alice);
    const b = await element(bob);
    button(a).click();
    const aEvent = await nextEvent<PasskeyEnrollSuccessEvent>(a, ['passkey-enroll-success', 'passkey-enroll-error']);
    button(b).click();
    const bEvent = await nextEvent<PasskeyEnrollSuccessEvent>(b, ['passkey-enroll-success', 'passkey-enroll-error']);
    expect(aEvent.type).to.equal('passkey-enroll-success');
    expect(bEvent.type).to.equal('passkey-enroll-success');
    expect((await backend.validate({ token: aEvent.detail.token })).userId).to.equal(alice);
    expect((await backend.validate({ token: bEvent.detail.token })).userId).to.equal(bob);
    expect(await backend.getAuthenticators(alice)).to.have.length(1);
    expect(await backend.getAuthenticators(bob)).to.have.length(1);
    const handles = (await virtualAuthenticator.credentials(rig.authenticatorId)).map((c) => atob(c.userHandle!));
    expect(handles.sort()).to.deep.equal([alice, bob].sort());
  });
});
