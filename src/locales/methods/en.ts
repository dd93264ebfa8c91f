import type { StepUpMethodStrings } from '../../internal/strings.js';

// English, in the methods module itself (not in the elements' bundle: a passkey-only page never
// loads these); also what a language without them falls back to.
const en: StepUpMethodStrings = {
  otherMethods: 'Use another method',
  chooseMethod: 'Choose how to confirm it’s you',
  back: 'Back',
  methodPasskey: 'Passkey',
  methodEmail: 'Code by email',
  methodSms: 'Code by text message',
  methodApp: 'Authenticator app',
  sendEmail: 'Email me a code',
  sendSms: 'Text me a code',
  sentEmail: 'We emailed you a code.',
  sentSms: 'We texted you a code.',
  codeLabelEmail: 'Code from the email',
  codeLabelSms: 'Code from the text message',
  codeLabelApp: 'Code from your authenticator app',
  verify: 'Verify',
  resend: 'Send a new code',
  resendIn: 'Send a new code in {seconds} s',
  sending: 'Sending a code…',
  verifying: 'Checking the code…',
  errors: {
    'no-method': 'There is no way to confirm it’s you on this page. Please contact support.',
    'invalid-code': 'That code is wrong or has expired. Please try again.',
    'too-many-attempts': 'Too many wrong codes. Use another method, or try again later.',
  },
};
export default en;
