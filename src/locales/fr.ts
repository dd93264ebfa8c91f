import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// French. Loaded on demand; `registerTranslation('fr', …)` replaces it.
const unsupported =
  'Les clés d’accès nécessitent un navigateur compatible WebAuthn sur une page sécurisée (https). Essayez un autre navigateur ou appareil.';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'Les clés d’accès ne sont pas correctement configurées sur cette page.',
  'already-registered': 'Cet appareil possède déjà une clé d’accès pour votre compte.',
  'expired-token': 'Votre session a expiré. Veuillez réessayer.',
  network: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  'rate-limited': 'Trop de tentatives. Veuillez patienter une minute, puis réessayer.',
  server: 'Un problème est survenu de notre côté. Veuillez réessayer.',
  unknown: 'Un problème est survenu. Veuillez réessayer.',
  'no-passkey': 'Aucune clé d’accès de votre compte n’est enregistrée sur cet appareil.',
};
const working = 'En attente de votre appareil…';
const retry = 'Réessayer';

const translation: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: 'Créer une clé d’accès',
    working,
    success: 'Clé d’accès créée.',
    cancelled: 'La création de la clé d’accès a été annulée. Vous pouvez réessayer.',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'Confirmez votre identité',
    button: 'Confirmer avec une clé d’accès',
    working,
    success: 'Confirmé.',
    cancelled: 'La confirmation a été annulée. Vous pouvez réessayer.',
    unsupported,
    retry,
    close: 'Annuler',
    errors,
  },
  passkeySignIn: {
    button: 'Se connecter avec une clé d’accès',
    working,
    success: 'Connecté.',
    cancelled: 'Aucune clé d’accès n’a été utilisée. Vous pouvez réessayer ou vous connecter autrement.',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': 'La connexion a pris trop de temps. Veuillez réessayer.',
      'no-passkey': 'Cette clé d’accès n’est pas enregistrée chez nous. Connectez-vous autrement.',
    },
  },
};
export default translation;
