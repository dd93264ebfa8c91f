import type { StepUpMethodStrings } from '../../internal/strings.js';

// Italian: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: 'Usa un altro metodo',
  chooseMethod: 'Scegli come confermare che sei tu',
  back: 'Indietro',
  methodPasskey: 'Passkey',
  methodEmail: 'Codice via email',
  methodSms: 'Codice via SMS',
  methodApp: 'App di autenticazione',
  sendEmail: 'Inviami un codice via email',
  sendSms: 'Inviami un codice via SMS',
  sentEmail: 'Ti abbiamo inviato un codice via email.',
  sentSms: 'Ti abbiamo inviato un codice via SMS.',
  codeLabelEmail: 'Codice ricevuto via email',
  codeLabelSms: 'Codice ricevuto via SMS',
  codeLabelApp: 'Codice della tua app di autenticazione',
  verify: 'Verifica',
  resend: 'Invia un nuovo codice',
  resendIn: 'Invia un nuovo codice tra {seconds} s',
  sending: 'Invio del codice…',
  verifying: 'Verifica del codice…',
  errors: {
    'no-method': 'In questa pagina non c’è modo di confermare che sei tu. Contatta l’assistenza.',
    'invalid-code': 'Il codice è errato o scaduto. Riprova.',
    'too-many-attempts': 'Troppi codici errati. Usa un altro metodo o riprova più tardi.',
  },
};
export default strings;
