import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// Spanish. Loaded on demand; `registerTranslation('es', …)` replaces it.
const unsupported =
  'Las llaves de acceso necesitan un navegador con WebAuthn en una página segura (https). Prueba con otro navegador o dispositivo.';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'Las llaves de acceso no están configuradas correctamente en esta página.',
  'already-registered': 'Este dispositivo ya tiene una llave de acceso para tu cuenta.',
  'expired-token': 'Tu sesión ha caducado. Inténtalo de nuevo.',
  network: 'No pudimos conectar con el servidor. Comprueba tu conexión e inténtalo de nuevo.',
  'rate-limited': 'Demasiados intentos. Espera un minuto e inténtalo de nuevo.',
  server: 'Algo salió mal por nuestra parte. Inténtalo de nuevo.',
  unknown: 'Algo salió mal. Inténtalo de nuevo.',
  'no-passkey': 'No hay ninguna llave de acceso de tu cuenta en este dispositivo.',
};
const working = 'Esperando a tu dispositivo…';
const retry = 'Reintentar';

const translation: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: 'Crear una llave de acceso',
    working,
    success: 'Llave de acceso creada.',
    cancelled: 'Se canceló la creación de la llave de acceso. Puedes intentarlo de nuevo.',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'Confirma que eres tú',
    button: 'Confirmar con llave de acceso',
    working,
    success: 'Confirmado.',
    cancelled: 'Se canceló la confirmación. Puedes intentarlo de nuevo.',
    unsupported,
    retry,
    close: 'Cancelar',
    errors,
  },
  passkeySignIn: {
    button: 'Iniciar sesión con una llave de acceso',
    working,
    success: 'Sesión iniciada.',
    cancelled: 'No se usó ninguna llave de acceso. Puedes volver a intentarlo o iniciar sesión de otra forma.',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': 'El inicio de sesión tardó demasiado. Vuelve a intentarlo.',
      'no-passkey': 'Esta llave de acceso no está registrada con nosotros. Inicia sesión de otra forma.',
    },
  },
};
export default translation;
