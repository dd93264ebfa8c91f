import { PasskeyEnroll } from './components/passkey-enroll/passkey-enroll.component.js';

export { PasskeyEnroll };
export * from './events/passkey-enroll-start.js';
export * from './events/passkey-enroll-success.js';
export * from './events/passkey-enroll-cancel.js';
export * from './events/passkey-enroll-error.js';
export { registerTranslation } from './i18n/translations.js';

// Guarded, so that loading the package twice does not throw.
if (!customElements.get('passkey-enroll')) customElements.define('passkey-enroll', PasskeyEnroll);

declare global {
  interface HTMLElementTagNameMap {
    'passkey-enroll': PasskeyEnroll;
  }
}
