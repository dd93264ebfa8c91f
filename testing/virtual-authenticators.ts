/**
 * Chrome DevTools Protocol virtual authenticators on one page: what the wtr plugin and the
 * Playwright helper share. The CDP session must stay attached: detaching drops the authenticators.
 */

/** A DevTools-protocol session: puppeteer's `page.createCDPSession()` and Playwright's `newCDPSession()` both fit. */
export interface CdpSession {
  // `any`: puppeteer and Playwright each type their own protocol map.
  send(method: any, params?: any): Promise<any>;
  on(event: any, listener: (params: any) => void): unknown;
}

/**
 * What the page told an authenticator through the WebAuthn Signal API, as Chromium applied it:
 * a passkey deleted (`signalUnknownCredential`, or left out of `signalAllAcceptedCredentials`),
 * or its user's names updated (`signalCurrentUserDetails`).
 */
export interface CredentialSignal {
  kind: 'deleted' | 'updated';
  authenticatorId: string;
  credentialId: string;
  /** `updated` only: the names the credential now holds. */
  userName?: string;
  userDisplayName?: string;
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
  /** Every signal Chromium applied to this page's authenticators, oldest first. */
  readonly signals: CredentialSignal[] = [];

  constructor(private readonly cdp: CdpSession) {}

  async add(options: VirtualAuthenticatorOptions = {}): Promise<string> {
    await (this.#enabled ??= this.#enable());
    const { authenticatorId } = (await this.cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { ...DEFAULT_AUTHENTICATOR, ...options },
    })) as { authenticatorId: string };
    this.#ids.add(authenticatorId);
    return authenticatorId;
  }

  #enable(): Promise<unknown> {
    type Event = {
      authenticatorId: string;
      credential?: VirtualCredential & { userName?: string; userDisplayName?: string };
      credentialId?: string;
    };
    this.cdp.on('WebAuthn.credentialDeleted', ({ authenticatorId, credentialId }: Event) =>
      this.signals.push({ kind: 'deleted', authenticatorId, credentialId: credentialId! }),
    );
    this.cdp.on('WebAuthn.credentialUpdated', ({ authenticatorId, credential }: Event) =>
      this.signals.push({
        kind: 'updated',
        authenticatorId,
        credentialId: credential!.credentialId,
        userName: credential!.userName,
        userDisplayName: credential!.userDisplayName,
      }),
    );
    return this.cdp.send('WebAuthn.enable', { enableUI: false });
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
