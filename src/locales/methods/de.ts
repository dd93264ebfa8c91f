import type { StepUpMethodStrings } from '../../internal/strings.js';

// German: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: 'Andere Methode verwenden',
  chooseMethod: 'Wählen Sie, wie Sie bestätigen, dass Sie es sind',
  back: 'Zurück',
  methodPasskey: 'Passkey',
  methodEmail: 'Code per E-Mail',
  methodSms: 'Code per SMS',
  methodApp: 'Authenticator-App',
  sendEmail: 'Code per E-Mail senden',
  sendSms: 'Code per SMS senden',
  sentEmail: 'Wir haben Ihnen einen Code per E-Mail gesendet.',
  sentSms: 'Wir haben Ihnen einen Code per SMS gesendet.',
  codeLabelEmail: 'Code aus der E-Mail',
  codeLabelSms: 'Code aus der SMS',
  codeLabelApp: 'Code aus Ihrer Authenticator-App',
  verify: 'Bestätigen',
  resend: 'Neuen Code senden',
  resendIn: 'Neuen Code senden in {seconds} s',
  sending: 'Code wird gesendet …',
  verifying: 'Code wird geprüft …',
  errors: {
    'no-method':
      'Auf dieser Seite gibt es keine Möglichkeit zu bestätigen, dass Sie es sind. Bitte wenden Sie sich an den Support.',
    'invalid-code': 'Dieser Code ist falsch oder abgelaufen. Bitte versuchen Sie es erneut.',
    'too-many-attempts':
      'Zu viele falsche Codes. Verwenden Sie eine andere Methode oder versuchen Sie es später erneut.',
  },
};
export default strings;
