import { PasskeySignIn } from './components/passkey-sign-in/passkey-sign-in.component.js';

export { PasskeySignIn };
export * from './events/passkey-sign-in-start.js';
export * from './events/passkey-sign-in-success.js';
export * from './events/passkey-sign-in-cancel.js';
export * from './events/passkey-sign-in-error.js';
export { registerTranslation } from './i18n/translations.js';

// Guarded, so that loading the package twice does not throw.
if (!customElements.get('passkey-sign-in')) customElements.define('passkey-sign-in', PasskeySignIn);

declare global {
  interface HTMLElementTagNameMap {
    'passkey-sign-in': PasskeySignIn;
  }
}
