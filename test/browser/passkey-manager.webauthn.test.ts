import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { PasskeyEnroll, PasskeyManager, PasskeySignIn, StepUpChallenge } from '../../src/index.js';
import { credentialSignals } from '../../testing/browser.js';
import { backend, uniqueUser } from './support/backend.js';
import { useCeremonyRig } from './support/ceremony-rig.js';
import { nextEvent, recordEvents } from './support/events.js';
import { virtualAuthenticator } from './support/virtual-authenticator.js';

const MANAGER_EVENTS = ['passkey-manager-change', 'passkey-manager-cancel', 'passkey-manager-error'] as const;

/** base64url of the UTF-8 bytes of `text`: the user handle the emulator gives a user's passkeys. */
const handleOf = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** A virtual authenticator's credential id (base64) as WebAuthn's base64url. */
const base64url = (id: string) => id.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

// <passkey-manager> against the emulator and the test backend's change routes
// (test/plugins/manager-backend.ts), with the real SDK and Chromium's virtual authenticator.
describe('<passkey-manager> with passkeys', () => {
  const rig = useCeremonyRig();

  const part = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
  const parts = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
  const stepUpOf = (el: PasskeyManager) => part(el, 'step-up-challenge') as StepUpChallenge | null;
  const listed = (el: PasskeyManager) => parts(el, '[part=item]').map((item) => item.dataset.method);

  async function enrollPasskey(userId: string, attachment = 'platform') {
    const el = await fixture<PasskeyEnroll>(
      html`<passkey-enroll
        tenant-id=${rig.info.tenantId}
        base-url=${rig.info.url}
        username=${userId}
        authenticator-attachment=${attachment}
      ></passkey-enroll>`,
    );
    el.token = (await backend.track(userId, 'enroll-passkey', { scope: 'add:authenticators' })).token;
    part(el, '[part=button]')!.click();
    await nextEvent(el, ['passkey-enroll-success']);
    el.remove();
  }

  async function manager(userId: string, methods = 'PASSKEY') {
    const el = await fixture<PasskeyManager>(
      html`<passkey-manager
        tenant-id=${rig.info.tenantId}
        base-url=${rig.info.url}
        token-url="/test-backend/manager/${userId}/token"
        changes-url="/test-backend/manager/${userId}/changes"
        user-id=${userId}
        username=${userId}
        methods=${methods}
      ></passkey-manager>`,
    );
    await waitUntil(() => el.authenticators, 'the list is read');
    return el;
  }

  async function confirmStepUpWithPasskey(el: PasskeyManager) {
    await waitUntil(() => stepUpOf(el)?.shadowRoot?.querySelector('[part=button]'), 'the step-up asks for a passkey');
    stepUpOf(el)!.shadowRoot!.querySelector<HTMLElement>('[part=button]')!.click();
  }

  it('lists the passkeys with their names and this device, and adds one behind a step-up with the first', async () => {
    const userId = uniqueUser('manager');
    await enrollPasskey(userId);
    const el = await manager(userId);
    expect(listed(el)).to.deep.equal(['PASSKEY']);
    expect(part(el, '[part=name]')!.textContent).to.equal('Passkey');
    expect(part(el, '[part=detail]')!.textContent).to.match(/^Added .+ · On this device$/);
    // The only one: no remove button, and the element says why.
    expect(part(el, '[part=remove]')).to.equal(null);
    expect(part(el, '[part=note]')!.textContent).to.contain('only way');

    const events = recordEvents(el, MANAGER_EVENTS);
    part(el, '[part=add][data-method=PASSKEY]')!.click();
    await confirmStepUpWithPasskey(el);
    await waitUntil(() => part(el, '[part=create-passkey]'), 'the step-up passed: create the passkey');
    await expect(el).to.be.accessible();
    // The new passkey goes on another authenticator (this one holds the user's passkey already, and
    // Chromium's virtual environment offers no choice).
    await virtualAuthenticator.removeAll();
    await virtualAuthenticator.add();
    part(el, '[part=create-passkey]')!.click();
    await waitUntil(() => events.length, 'the change ends');
    expect(events.map((e) => [e.type, (e.detail as { code?: string } | undefined)?.code])).to.deep.equal([
      ['passkey-manager-change', undefined],
    ]);
    const detail = events[0]!.detail as { kind: string; method: string; authenticatorId: string };
    expect(detail.kind).to.equal('added');
    expect(detail.method).to.equal('PASSKEY');
    const authenticators = await backend.getAuthenticators(userId);
    expect(authenticators.map((a) => a.userAuthenticatorId)).to.include(detail.authenticatorId);
    expect(authenticators).to.have.length(2);
    expect(listed(el)).to.deep.equal(['PASSKEY', 'PASSKEY']);
    expect(part(el, '[part=status]')!.textContent).to.equal('Passkey added.');
    // The step-up's own events stay inside the manager.
    expect(events.some((e) => e.type.startsWith('step-up'))).to.equal(false);
  });

  it('removes a passkey behind a step-up, and tells the browser which passkeys remain', async () => {
    const userId = uniqueUser('manager');
    await enrollPasskey(userId);
    // A second passkey, on a security key: the one to remove.
    const keyId = await virtualAuthenticator.add({ transport: 'usb' });
    await enrollPasskey(userId, 'cross-platform');
    const onKey = (await virtualAuthenticator.credentials(keyId))[0]!;
    const el = await manager(userId);
    expect(listed(el)).to.deep.equal(['PASSKEY', 'PASSKEY']);
    const target = el.authenticators!.find((a) => a.credentialId === base64url(onKey.credentialId))!;
    expect(target, 'the security key passkey is listed').to.not.equal(undefined);

    const events = recordEvents(el, MANAGER_EVENTS);
    const removeButtons = parts(el, '[part=remove]');
    removeButtons[el.authenticators!.indexOf(target)]!.click();
    await waitUntil(() => part(el, '[part=confirm-remove]'), 'asks to confirm');
    part(el, '[part=confirm-remove]')!.click();
    await confirmStepUpWithPasskey(el);
    await waitUntil(() => events.length, 'the change ends');
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-manager-change']);
    expect(events[0]!.detail).to.deep.equal({ kind: 'removed', method: 'PASSKEY', authenticatorId: target.id });
    expect((await backend.getAuthenticators(userId)).map((a) => a.userAuthenticatorId)).to.not.include(target.id);
    expect(listed(el)).to.deep.equal(['PASSKEY']);

    // signalAllAcceptedCredentials with the one that remains: Chromium deletes the other.
    await waitUntil(
      async () =>
        (await credentialSignals()).some((s) => s.kind === 'deleted' && s.credentialId === onKey.credentialId),
      'the browser was told the removed passkey is gone',
    );
    expect(await virtualAuthenticator.credentials(keyId)).to.deep.equal([]);
    expect(await virtualAuthenticator.credentials(rig.authenticatorId)).to.have.length(1);
  });

  it('sends the user’s new name to the browser’s passkeys', async () => {
    const userId = uniqueUser('manager');
    await enrollPasskey(userId);
    const el = await manager(userId);
    el.username = `${userId}-renamed`;
    el.displayName = 'Renamed Person';
    await waitUntil(
      async () =>
        (await credentialSignals()).some(
          (s) => s.kind === 'updated' && s.userName === `${userId}-renamed` && s.userDisplayName === 'Renamed Person',
        ),
      'signalCurrentUserDetails reached the passkey',
    );
    const [credential] = await virtualAuthenticator.credentials(rig.authenticatorId);
    expect(base64url(credential!.userHandle!)).to.equal(handleOf(userId));
  });

  it('tells the browser when sign-in meets a passkey the API does not know', async () => {
    const userId = uniqueUser('manager');
    await enrollPasskey(userId);
    const [credential] = await virtualAuthenticator.credentials(rig.authenticatorId);
    // Deleted on the server only: the browser still offers it.
    const [authenticator] = await backend.getAuthenticators(userId);
    await backend.deleteAuthenticator(userId, authenticator!.userAuthenticatorId);
    const signIn = await fixture<PasskeySignIn>(
      html`<passkey-sign-in tenant-id=${rig.info.tenantId} base-url=${rig.info.url}></passkey-sign-in>`,
    );
    part(signIn, '[part=button]')!.click();
    const error = await nextEvent<CustomEvent>(signIn, ['passkey-sign-in-error', 'passkey-sign-in-success']);
    expect(error.detail.code).to.equal('no-passkey');
    await waitUntil(
      async () =>
        (await credentialSignals()).some((s) => s.kind === 'deleted' && s.credentialId === credential!.credentialId),
      'signalUnknownCredential reached the authenticator',
    );
    expect(await virtualAuthenticator.credentials(rig.authenticatorId)).to.deep.equal([]);
  });

  it('adds a phone to an account with a passkey: that passkey first, then the code texted to the phone', async () => {
    const userId = uniqueUser('manager');
    await enrollPasskey(userId);
    await backend.enrollVerified(userId, { verificationMethod: 'EMAIL_OTP', email: `${userId}@example.com` });
    const el = await manager(userId, 'PASSKEY EMAIL_OTP SMS');
    const events = recordEvents(el, MANAGER_EVENTS);
    part(el, '[part=add][data-method=SMS]')!.click();
    await waitUntil(() => stepUpOf(el)?.method === 'PASSKEY', 'the step-up opens on the passkey');
    // The email code is on offer too.
    expect(stepUpOf(el)!.methods).to.include('EMAIL_OTP');
    await confirmStepUpWithPasskey(el);
    // (Clicked before the step-up's other methods arrived: the prompt's answer must still count.)
    await waitUntil(() => part(el, '[part=contact]'), 'asks for the phone');
    const phone = `+6427${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    (part(el, '[part=contact]') as HTMLInputElement).value = phone;
    part(el, '[part=send-code]')!.click();
    await waitUntil(() => part(el, '[part=code]'), 'asks for the code');
    (part(el, '[part=code]') as HTMLInputElement).value = (await backend.outbox(phone))[0]!.code;
    part(el, '[part=verify]')!.click();
    await waitUntil(() => events.length, 'the change ends');
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-manager-change']);
    expect(listed(el)).to.deep.equal(['PASSKEY', 'EMAIL_OTP', 'SMS']);
    // The step-up was the passkey's: validated at the backend for this change.
    const actions = (await backend.requests(userId)).filter((r) => r.path.endsWith('/verify/passkey'));
    expect(actions).to.have.length(1);
  });

  it('tells the browser when a step-up meets a passkey the API does not know', async () => {
    const userId = uniqueUser('manager');
    await enrollPasskey(userId);
    const [credential] = await virtualAuthenticator.credentials(rig.authenticatorId);
    const [authenticator] = await backend.getAuthenticators(userId);
    const stepUp = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${rig.info.tenantId} base-url=${rig.info.url}></step-up-challenge>`,
    );
    stepUp.token = (await backend.track(userId, 'high-value-transfer')).token;
    // The passkey is deleted on the server while the browser hands it over (another tab removed it).
    rig.recorder.hold = (url) =>
      url.endsWith('/client/verify/passkey')
        ? backend.deleteAuthenticator(userId, authenticator!.userAuthenticatorId).then(() => undefined)
        : undefined;
    part(stepUp, '[part=button]')!.click();
    const ended = await nextEvent<CustomEvent>(stepUp, [
      'step-up-challenge-error',
      'step-up-challenge-success',
      'step-up-challenge-cancel',
    ]);
    expect([ended.type, ended.detail?.code]).to.deep.equal(['step-up-challenge-error', 'server']);
    await waitUntil(
      async () =>
        (await credentialSignals()).some((s) => s.kind === 'deleted' && s.credentialId === credential!.credentialId),
      'signalUnknownCredential reached the authenticator',
    );
    expect(await virtualAuthenticator.credentials(rig.authenticatorId)).to.deep.equal([]);
  });
});
