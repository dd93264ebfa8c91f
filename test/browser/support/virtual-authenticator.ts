import {
  addVirtualAuthenticator,
  removeVirtualAuthenticators,
  type VirtualAuthenticator,
  type VirtualAuthenticatorOptions,
  type VirtualCredential,
} from '../../../testing/browser.js';

const added = new Map<string, VirtualAuthenticator>();

/** The testing kit's virtual authenticators (passkey-elements/testing), by id. */
export const virtualAuthenticator = {
  async add(options: VirtualAuthenticatorOptions = {}): Promise<string> {
    const authenticator = await addVirtualAuthenticator(options);
    added.set(authenticator.id, authenticator);
    return authenticator.id;
  },
  async removeAll(): Promise<void> {
    added.clear();
    await removeVirtualAuthenticators();
  },
  setUserVerified: (id: string, verified: boolean) => added.get(id)!.setUserVerified(verified),
  credentials: (id: string): Promise<VirtualCredential[]> => added.get(id)!.credentials(),
};
