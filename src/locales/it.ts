import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// Italian. Loaded on demand; `registerTranslation('it', …)` replaces it.
const unsupported =
  'Le passkey richiedono un browser con WebAuthn su una pagina sicura (https). Prova con un altro browser o dispositivo.';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'Le passkey non sono configurate correttamente su questa pagina.',
  'already-registered': 'Questo dispositivo ha già una passkey per il tuo account.',
  'expired-token': 'La sessione è scaduta. Riprova.',
  network: 'Impossibile raggiungere il server. Controlla la connessione e riprova.',
  'rate-limited': 'Troppi tentativi. Attendi un minuto e riprova.',
  server: 'Si è verificato un problema da parte nostra. Riprova.',
  unknown: 'Si è verificato un problema. Riprova.',
  'no-passkey': 'Su questo dispositivo non c’è alcuna passkey per il tuo account.',
};
const working = 'In attesa del dispositivo…';
const retry = 'Riprova';

const translation: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: 'Crea una passkey',
    working,
    success: 'Passkey creata.',
    cancelled: 'La creazione della passkey è stata annullata. Puoi riprovare.',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'Conferma la tua identità',
    button: 'Conferma con passkey',
    working,
    success: 'Confermato.',
    cancelled: 'La conferma è stata annullata. Puoi riprovare.',
    unsupported,
    retry,
    close: 'Annulla',
    errors,
  },
  passkeySignIn: {
    button: 'Accedi con una passkey',
    working,
    success: 'Accesso effettuato.',
    cancelled: 'Non è stata usata alcuna passkey. Puoi riprovare o accedere in un altro modo.',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': 'L’accesso ha richiesto troppo tempo. Riprova.',
      'no-passkey': 'Questa passkey non è registrata presso di noi. Accedi in un altro modo.',
    },
  },
};
export default translation;
