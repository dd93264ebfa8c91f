import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// Swedish. Loaded on demand; `registerTranslation('sv', …)` replaces it.
const unsupported =
  'Passkeys kräver en webbläsare med WebAuthn på en säker (https-)sida. Prova en annan webbläsare eller enhet.';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'Passkeys är inte korrekt konfigurerade på den här sidan.',
  'already-registered': 'Den här enheten har redan en passkey för ditt konto.',
  'expired-token': 'Din session har gått ut. Försök igen.',
  network: 'Vi kunde inte nå servern. Kontrollera din anslutning och försök igen.',
  'rate-limited': 'För många försök. Vänta en minut och försök igen.',
  server: 'Något gick fel hos oss. Försök igen.',
  unknown: 'Något gick fel. Försök igen.',
  'no-passkey': 'Det finns ingen passkey för ditt konto på den här enheten.',
};
const working = 'Väntar på din enhet …';
const retry = 'Försök igen';

const translation: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: 'Skapa en passkey',
    working,
    success: 'Passkey skapad.',
    cancelled: 'Skapandet av passkey avbröts. Du kan försöka igen.',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'Bekräfta att det är du',
    button: 'Bekräfta med passkey',
    working,
    success: 'Bekräftat.',
    cancelled: 'Bekräftelsen avbröts. Du kan försöka igen.',
    unsupported,
    retry,
    close: 'Avbryt',
    errors,
  },
  passkeySignIn: {
    button: 'Logga in med passkey',
    working,
    success: 'Inloggad.',
    cancelled: 'Ingen passkey användes. Du kan försöka igen eller logga in på ett annat sätt.',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': 'Inloggningen tog för lång tid. Försök igen.',
      'no-passkey': 'Den här passkeyn är inte registrerad hos oss. Logga in på ett annat sätt.',
    },
  },
};
export default translation;
