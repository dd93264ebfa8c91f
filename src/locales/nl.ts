import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// Dutch. Loaded on demand; `registerTranslation('nl', …)` replaces it.
const unsupported =
  'Passkeys werken alleen in een browser met WebAuthn op een beveiligde (https-)pagina. Probeer een andere browser of een ander apparaat.';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'Passkeys zijn op deze pagina niet goed ingesteld.',
  'already-registered': 'Dit apparaat heeft al een passkey voor je account.',
  'expired-token': 'Je sessie is verlopen. Probeer het opnieuw.',
  network: 'We konden de server niet bereiken. Controleer je verbinding en probeer het opnieuw.',
  'rate-limited': 'Te veel pogingen. Wacht een minuut en probeer het opnieuw.',
  server: 'Er ging bij ons iets mis. Probeer het opnieuw.',
  unknown: 'Er ging iets mis. Probeer het opnieuw.',
  'no-passkey': 'Er staat geen passkey voor je account op dit apparaat.',
};
const working = 'Wachten op je apparaat…';
const retry = 'Opnieuw proberen';

const translation: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: 'Passkey aanmaken',
    working,
    success: 'Passkey aangemaakt.',
    cancelled: 'Het aanmaken van de passkey is geannuleerd. Je kunt het opnieuw proberen.',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'Bevestig dat jij het bent',
    button: 'Bevestigen met passkey',
    working,
    success: 'Bevestigd.',
    cancelled: 'De bevestiging is geannuleerd. Je kunt het opnieuw proberen.',
    unsupported,
    retry,
    close: 'Annuleren',
    errors,
  },
  passkeySignIn: {
    button: 'Inloggen met een passkey',
    working,
    success: 'Ingelogd.',
    cancelled: 'Er is geen passkey gebruikt. Je kunt het opnieuw proberen of op een andere manier inloggen.',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': 'Het inloggen duurde te lang. Probeer het opnieuw.',
      'no-passkey': 'Deze passkey is bij ons niet geregistreerd. Log op een andere manier in.',
    },
  },
};
export default translation;
