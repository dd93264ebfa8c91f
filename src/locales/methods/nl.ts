import type { StepUpMethodStrings } from '../../internal/strings.js';

// Dutch: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: 'Andere methode gebruiken',
  chooseMethod: 'Kies hoe u bevestigt dat u het bent',
  back: 'Terug',
  methodPasskey: 'Passkey',
  methodEmail: 'Code per e-mail',
  methodSms: 'Code per sms',
  methodApp: 'Authenticator-app',
  sendEmail: 'E-mail mij een code',
  sendSms: 'Sms mij een code',
  sentEmail: 'We hebben u een code gemaild.',
  sentSms: 'We hebben u een code ge-sms’t.',
  codeLabelEmail: 'Code uit de e-mail',
  codeLabelSms: 'Code uit de sms',
  codeLabelApp: 'Code uit uw authenticator-app',
  verify: 'Controleren',
  resend: 'Nieuwe code sturen',
  resendIn: 'Nieuwe code sturen over {seconds} s',
  sending: 'Code wordt verstuurd…',
  verifying: 'Code wordt gecontroleerd…',
  errors: {
    'no-method': 'Op deze pagina kunt u niet bevestigen dat u het bent. Neem contact op met de klantenservice.',
    'invalid-code': 'Die code is onjuist of verlopen. Probeer het opnieuw.',
    'too-many-attempts': 'Te veel onjuiste codes. Gebruik een andere methode of probeer het later opnieuw.',
  },
};
export default strings;
