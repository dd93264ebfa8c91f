import { PasskeyManager } from './components/passkey-manager/passkey-manager.component.js';

export { PasskeyManager };
export type { ManagedAuthenticator } from './components/passkey-manager/authenticators.js';
export * from './events/passkey-manager-change.js';
export * from './events/passkey-manager-cancel.js';
export * from './events/passkey-manager-error.js';
export { registerTranslation } from './i18n/translations.js';

// Guarded, so that loading the package twice does not throw.
if (!customElements.get('passkey-manager')) customElements.define('passkey-manager', PasskeyManager);

declare global {
  interface HTMLElementTagNameMap {
    'passkey-manager': PasskeyManager;
  }
}
