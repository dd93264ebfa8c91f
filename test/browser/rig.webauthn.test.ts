import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { virtualAuthenticator } from './support/virtual-authenticator.js';

// The virtual-authenticator plugin itself, with bare navigator.credentials calls.
describe('webauthn:* commands (CDP virtual authenticator)', () => {
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

  afterEach(() => virtualAuthenticator.removeAll());

  it('adds an authenticator whose credentials can be listed, then removes it', async () => {
    const id = await virtualAuthenticator.add();
    await create();
    const credentials = await virtualAuthenticator.credentials(id);
    expect(credentials).to.have.length(1);
    expect(credentials[0]).to.include({ rpId: 'localhost', isResidentCredential: true });
    await executeServerCommand('webauthn:clear-credentials', { authenticatorId: id });
    expect(await virtualAuthenticator.credentials(id)).to.have.length(0);
  });

  it('fails user verification on demand with NotAllowedError', async () => {
    const id = await virtualAuthenticator.add();
    await virtualAuthenticator.setUserVerified(id, false);
    let error: unknown;
    await create().catch((e) => (error = e));
    expect((error as DOMException).name).to.equal('NotAllowedError');
  });

  it('waits for presence when automatic presence is off, until aborted', async () => {
    const id = await virtualAuthenticator.add();
    await executeServerCommand('webauthn:set-presence', { authenticatorId: id, enabled: false });
    const controller = new AbortController();
    const pending = create(controller.signal).catch((e: DOMException) => e.name);
    setTimeout(() => controller.abort(), 200);
    expect(await pending).to.equal('AbortError');
    expect(await virtualAuthenticator.credentials(id)).to.have.length(0);
  });
});
