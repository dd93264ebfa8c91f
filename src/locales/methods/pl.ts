import type { StepUpMethodStrings } from '../../internal/strings.js';

// Polish: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: 'Użyj innej metody',
  chooseMethod: 'Wybierz, jak potwierdzić swoją tożsamość',
  back: 'Wstecz',
  methodPasskey: 'Klucz dostępu',
  methodEmail: 'Kod w e-mailu',
  methodSms: 'Kod w SMS-ie',
  methodApp: 'Aplikacja uwierzytelniająca',
  sendEmail: 'Wyślij mi kod e-mailem',
  sendSms: 'Wyślij mi kod SMS-em',
  sentEmail: 'Wysłaliśmy Ci kod e-mailem.',
  sentSms: 'Wysłaliśmy Ci kod SMS-em.',
  codeLabelEmail: 'Kod z e-maila',
  codeLabelSms: 'Kod z SMS-a',
  codeLabelApp: 'Kod z aplikacji uwierzytelniającej',
  verify: 'Zweryfikuj',
  resend: 'Wyślij nowy kod',
  resendIn: 'Wyślij nowy kod za {seconds} s',
  sending: 'Wysyłanie kodu…',
  verifying: 'Sprawdzanie kodu…',
  errors: {
    'no-method': 'Na tej stronie nie można potwierdzić Twojej tożsamości. Skontaktuj się z pomocą techniczną.',
    'invalid-code': 'Ten kod jest nieprawidłowy lub wygasł. Spróbuj ponownie.',
    'too-many-attempts': 'Zbyt wiele błędnych kodów. Użyj innej metody lub spróbuj później.',
  },
};
export default strings;
