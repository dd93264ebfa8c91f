import type { Page } from 'playwright-core';
import {
  VirtualAuthenticators,
  type VirtualAuthenticatorOptions,
  type VirtualCredential,
} from './virtual-authenticators.js';

/** A virtual authenticator on a Playwright page (Chromium). */
export interface PlaywrightVirtualAuthenticator {
  id: string;
  /** Whether its next checks of user verification pass. */
  setUserVerified(verified: boolean): Promise<void>;
  /** The passkeys it holds. */
  credentials(): Promise<VirtualCredential[]>;
  remove(): Promise<void>;
}

/**
 * Adds a Chromium virtual authenticator to a Playwright page, through the DevTools protocol: by
 * default a platform authenticator with resident keys whose user verification succeeds. Use the
 * Chromium you already have (`chromium.launch({ executablePath })`): the kit never downloads one.
 */
export async function addVirtualAuthenticator(
  page: Page,
  options: VirtualAuthenticatorOptions = {},
): Promise<PlaywrightVirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  const authenticators = new VirtualAuthenticators(cdp);
  const id = await authenticators.add(options);
  return {
    id,
    setUserVerified: (verified) => authenticators.setUserVerified(verified, id),
    credentials: () => authenticators.credentials(id),
    remove: () => authenticators.remove(id),
  };
}

export { startEmulator } from '../emulator/public.js';
export type { EmulatorOptions, RunningEmulator } from '../emulator/public.js';
export type { VirtualAuthenticatorOptions, VirtualCredential } from './virtual-authenticators.js';
