import { expect } from '@open-wc/testing';
import {
  addVirtualAuthenticator,
  emulator,
  removeVirtualAuthenticators,
  setUserPresence,
} from '../../testing/browser.js';

// The testing kit integrators use (passkey-elements/testing), with bare navigator.credentials calls.
describe('passkey-elements/testing: virtual authenticators and the emulator', () => {
  const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
  const create = (signal?: AbortSignal) =>
    navigator.credentials.create({
      signal,
      publicKey: {
        rp: { id: 'localhost', name: 'rig' },
        user: { id: random(16), name: 'rig@example.com', displayName: 'Rig' },
        challenge: random(32),
        pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
        timeout: 5000,
      },
    });

  afterEach(() => removeVirtualAuthenticators());

  it('adds an authenticator whose credentials can be listed, then removes it', async () => {
    const authenticator = await addVirtualAuthenticator();
    await create();
    const credentials = await authenticator.credentials();
    expect(credentials).to.have.length(1);
    expect(credentials[0]).to.include({ rpId: 'localhost', isResidentCredential: true });
    expect(credentials[0]).not.to.have.property('privateKey');
    await authenticator.remove();
    // Gone: a new one can take its place (Chromium allows one internal authenticator per page).
    expect(await (await addVirtualAuthenticator()).credentials()).to.have.length(0);
  });

  it('fails user verification on demand with NotAllowedError', async () => {
    const authenticator = await addVirtualAuthenticator();
    await authenticator.setUserVerified(false);
    let error: unknown;
    await create().catch((e) => (error = e));
    expect((error as DOMException).name).to.equal('NotAllowedError');
  });

  it('waits for presence when automatic presence is off, until aborted', async () => {
    const authenticator = await addVirtualAuthenticator();
    await setUserPresence(false);
    const controller = new AbortController();
    const pending = create(controller.signal).catch((e: DOMException) => e.name);
    setTimeout(() => controller.abort(), 200);
    expect(await pending).to.equal('AbortError');
    expect(await authenticator.credentials()).to.have.length(0);
  });

  it('tracks and validates as a backend would, against the emulator the plugin started', async () => {
    const config = await emulator.config();
    expect(config.baseUrl).to.match(/^http:\/\/localhost:\d+\/v1$/);
    const track = await emulator.track({ userId: `kit-${crypto.randomUUID()}`, action: 'high-value-transfer' });
    expect(track.token).to.be.a('string');
    expect(await emulator.validate(track.token!)).to.include({ isValid: false });
    expect(await emulator.outbox('nobody@example.com')).to.deep.equal([]);
  });
});
