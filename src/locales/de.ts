import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// German. Loaded on demand; `registerTranslation('de', …)` replaces it.
const unsupported =
  'Passkeys benötigen einen Browser mit WebAuthn auf einer sicheren (https-)Seite. Versuchen Sie es mit einem anderen Browser oder Gerät.';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'Passkeys sind auf dieser Seite nicht richtig eingerichtet.',
  'already-registered': 'Dieses Gerät hat bereits einen Passkey für Ihr Konto.',
  'expired-token': 'Ihre Sitzung ist abgelaufen. Bitte versuchen Sie es erneut.',
  network: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'rate-limited': 'Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es erneut.',
  server: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',
  unknown: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  'no-passkey': 'Auf diesem Gerät gibt es keinen Passkey für Ihr Konto.',
};
const working = 'Warten auf Ihr Gerät …';
const retry = 'Erneut versuchen';

const translation: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: 'Passkey erstellen',
    working,
    success: 'Passkey erstellt.',
    cancelled: 'Das Erstellen des Passkeys wurde abgebrochen. Sie können es erneut versuchen.',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'Bestätigen Sie, dass Sie es sind',
    button: 'Mit Passkey bestätigen',
    working,
    success: 'Bestätigt.',
    cancelled: 'Die Bestätigung wurde abgebrochen. Sie können es erneut versuchen.',
    unsupported,
    retry,
    close: 'Abbrechen',
    errors,
  },
  passkeySignIn: {
    button: 'Mit Passkey anmelden',
    working,
    success: 'Angemeldet.',
    cancelled: 'Es wurde kein Passkey verwendet. Sie können es erneut versuchen oder sich auf andere Weise anmelden.',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': 'Die Anmeldung hat zu lange gedauert. Bitte versuchen Sie es erneut.',
      'no-passkey': 'Dieser Passkey ist bei uns nicht registriert. Melden Sie sich auf andere Weise an.',
    },
  },
};
export default translation;
