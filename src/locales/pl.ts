import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// Polish. Loaded on demand; `registerTranslation('pl', …)` replaces it.
const unsupported =
  'Klucze dostępu wymagają przeglądarki z WebAuthn na bezpiecznej stronie (https). Spróbuj użyć innej przeglądarki lub innego urządzenia.';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'Klucze dostępu nie są poprawnie skonfigurowane na tej stronie.',
  'already-registered': 'To urządzenie ma już klucz dostępu do Twojego konta.',
  'expired-token': 'Twoja sesja wygasła. Spróbuj ponownie.',
  network: 'Nie udało się połączyć z serwerem. Sprawdź połączenie i spróbuj ponownie.',
  'rate-limited': 'Zbyt wiele prób. Odczekaj minutę i spróbuj ponownie.',
  server: 'Coś poszło nie tak po naszej stronie. Spróbuj ponownie.',
  unknown: 'Coś poszło nie tak. Spróbuj ponownie.',
  'no-passkey': 'Na tym urządzeniu nie ma klucza dostępu do Twojego konta.',
};
const working = 'Oczekiwanie na urządzenie…';
const retry = 'Spróbuj ponownie';

const translation: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: 'Utwórz klucz dostępu',
    working,
    success: 'Klucz dostępu został utworzony.',
    cancelled: 'Tworzenie klucza dostępu zostało anulowane. Możesz spróbować ponownie.',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'Potwierdź, że to Ty',
    button: 'Potwierdź kluczem dostępu',
    working,
    success: 'Potwierdzono.',
    cancelled: 'Potwierdzenie zostało anulowane. Możesz spróbować ponownie.',
    unsupported,
    retry,
    close: 'Anuluj',
    errors,
  },
  passkeySignIn: {
    button: 'Zaloguj się kluczem dostępu',
    working,
    success: 'Zalogowano.',
    cancelled: 'Nie użyto klucza dostępu. Możesz spróbować ponownie lub zalogować się w inny sposób.',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': 'Logowanie trwało zbyt długo. Spróbuj ponownie.',
      'no-passkey': 'Ten klucz dostępu nie jest u nas zarejestrowany. Zaloguj się w inny sposób.',
    },
  },
};
export default translation;
