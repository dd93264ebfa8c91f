import type { StepUpMethodStrings } from '../../internal/strings.js';

// Swedish: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: 'Använd en annan metod',
  chooseMethod: 'Välj hur du bekräftar att det är du',
  back: 'Tillbaka',
  methodPasskey: 'Passkey',
  methodEmail: 'Kod via e-post',
  methodSms: 'Kod via sms',
  methodApp: 'Autentiseringsapp',
  sendEmail: 'Mejla mig en kod',
  sendSms: 'Sms:a mig en kod',
  sentEmail: 'Vi har mejlat dig en kod.',
  sentSms: 'Vi har sms:at dig en kod.',
  codeLabelEmail: 'Kod från mejlet',
  codeLabelSms: 'Kod från sms:et',
  codeLabelApp: 'Kod från din autentiseringsapp',
  verify: 'Verifiera',
  resend: 'Skicka en ny kod',
  resendIn: 'Skicka en ny kod om {seconds} s',
  sending: 'Skickar en kod …',
  verifying: 'Kontrollerar koden …',
  errors: {
    'no-method': 'Det finns inget sätt att bekräfta att det är du på den här sidan. Kontakta supporten.',
    'invalid-code': 'Koden är fel eller har gått ut. Försök igen.',
    'too-many-attempts': 'För många felaktiga koder. Använd en annan metod eller försök igen senare.',
  },
};
export default strings;
