/**
 * Chrome DevTools Protocol virtual authenticators on one page: what the wtr plugin and the
 * Playwright helper share. The CDP session must stay attached: detaching drops the authenticators.
 */

/** A DevTools-protocol session: puppeteer's `page.createCDPSession()` and Playwright's `newCDPSession()` both fit. */
export interface CdpSession {
  // `any`: puppeteer and Playwright each type their own protocol map.
  send(method: any, params?: any): Promise<any>;
}

/** Chromium's virtual authenticator options (`WebAuthn.VirtualAuthenticatorOptions`). */
export interface VirtualAuthenticatorOptions {
  protocol?: 'ctap2' | 'u2f';
  transport?: 'internal' | 'usb' | 'nfc' | 'ble' | 'hybrid' | 'cable';
  hasResidentKey?: boolean;
  hasUserVerification?: boolean;
  isUserVerified?: boolean;
  /** Whether the "touch" happens by itself; off, a ceremony waits (a prompt left open). */
  automaticPresenceSimulation?: boolean;
}

/** A credential a virtual authenticator holds (`WebAuthn.Credential`, the private key left out). */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  userHandle?: string;
  signCount: number;
}

/**
 * A platform authenticator (Touch ID, Windows Hello, Android screen lock) with resident keys and
 * user verification that succeeds: what a person with a passkey-capable device has.
 */
export const DEFAULT_AUTHENTICATOR: Required<VirtualAuthenticatorOptions> = {
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
};

/** The virtual authenticators of one page (Chromium allows one `internal` one at a time). */
export class VirtualAuthenticators {
  readonly #ids = new Set<string>();
  #enabled?: Promise<unknown>;

  constructor(private readonly cdp: CdpSession) {}

  async add(options: VirtualAuthenticatorOptions = {}): Promise<string> {
    await (this.#enabled ??= this.cdp.send('WebAuthn.enable', { enableUI: false }));
    const { authenticatorId } = (await this.cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { ...DEFAULT_AUTHENTICATOR, ...options },
    })) as { authenticatorId: string };
    this.#ids.add(authenticatorId);
    return authenticatorId;
  }

  async remove(id: string): Promise<void> {
    if (!this.#ids.delete(id)) return;
    await this.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: id });
  }

  async removeAll(): Promise<void> {
    for (const id of [...this.#ids]) await this.remove(id);
  }

  /** Whether the next checks of user verification pass, on one authenticator or on all of them. */
  async setUserVerified(isUserVerified: boolean, id?: string): Promise<void> {
    for (const authenticatorId of id ? [id] : this.#ids) {
      await this.cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified });
    }
  }

  /** Whether the "touch" happens by itself (off: a ceremony waits, as for a person who looks away). */
  async setPresence(enabled: boolean, id?: string): Promise<void> {
    for (const authenticatorId of id ? [id] : this.#ids) {
      await this.cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled });
    }
  }

  async credentials(id: string): Promise<VirtualCredential[]> {
    const { credentials } = (await this.cdp.send('WebAuthn.getCredentials', { authenticatorId: id })) as {
      credentials: (VirtualCredential & { privateKey?: string })[];
    };
    // The private key stays in the browser process: tests have no use for it.
    return credentials.map(({ privateKey: _privateKey, ...credential }) => credential);
  }

  async clearCredentials(id: string): Promise<void> {
    await this.cdp.send('WebAuthn.clearCredentials', { authenticatorId: id });
  }
}
