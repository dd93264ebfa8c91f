import type { StepUpMethodStrings } from '../../internal/strings.js';

// Spanish: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: 'Usar otro método',
  chooseMethod: 'Elige cómo confirmar que eres tú',
  back: 'Atrás',
  methodPasskey: 'Llave de acceso',
  methodEmail: 'Código por correo electrónico',
  methodSms: 'Código por SMS',
  methodApp: 'App de autenticación',
  sendEmail: 'Enviarme un código por correo',
  sendSms: 'Enviarme un código por SMS',
  sentEmail: 'Te hemos enviado un código por correo electrónico.',
  sentSms: 'Te hemos enviado un código por SMS.',
  codeLabelEmail: 'Código del correo electrónico',
  codeLabelSms: 'Código del SMS',
  codeLabelApp: 'Código de tu app de autenticación',
  verify: 'Verificar',
  resend: 'Enviar un código nuevo',
  resendIn: 'Enviar un código nuevo en {seconds} s',
  sending: 'Enviando un código…',
  verifying: 'Comprobando el código…',
  errors: {
    'no-method': 'No hay forma de confirmar tu identidad en esta página. Ponte en contacto con soporte.',
    'invalid-code': 'Ese código es incorrecto o ha caducado. Inténtalo de nuevo.',
    'too-many-attempts': 'Demasiados códigos incorrectos. Usa otro método o inténtalo más tarde.',
  },
};
export default strings;
