import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// English is in every bundle; it is also what any missing translation falls back to.
const unsupported = 'Passkeys need a browser with WebAuthn on a secure (https) page. Try another browser or device.';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'Passkeys are not set up correctly on this page.',
  'already-registered': 'This device already has a passkey for your account.',
  'expired-token': 'Your session has expired. Please try again.',
  network: 'We could not reach the server. Check your connection and try again.',
  'rate-limited': 'Too many attempts. Please wait a minute and try again.',
  server: 'Something went wrong on our side. Please try again.',
  unknown: 'Something went wrong. Please try again.',
  'no-passkey': 'There is no passkey for your account on this device.',
};
const working = 'Waiting for your device…';
const retry = 'Try again';

const en: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: 'Create a passkey',
    working,
    success: 'Passkey created.',
    cancelled: 'Passkey creation was cancelled. You can try again.',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'Confirm it’s you',
    button: 'Confirm with passkey',
    working,
    success: 'Confirmed.',
    cancelled: 'Confirmation was cancelled. You can try again.',
    unsupported,
    retry,
    close: 'Cancel',
    errors,
  },
};
export default en;
