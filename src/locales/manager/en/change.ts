import type { PasskeyManagerStrings } from '../../../internal/strings.js';
import methods from '../../methods/en.js';
import type { ManagerChangeKey } from './list.js';

/** English for `<passkey-manager>`'s change steps, in the steps' own chunk. */
const change: Pick<PasskeyManagerStrings, ManagerChangeKey> & {
  errors: Pick<
    PasskeyManagerStrings['errors'],
    | 'no-method'
    | 'invalid-code'
    | 'too-many-attempts'
    | 'invalid-contact'
    | 'last-authenticator'
    | 'change-in-progress'
    | 'change-refused'
  >;
} = {
  confirmRemove: 'Remove {name}? It will no longer confirm it’s you.',
  confirmRemoveButton: 'Remove',
  cancel: 'Cancel',
  cancelled: 'No passkey was created. You can try again.',
  stepUpAdd: 'First, confirm it’s you with a way you already have.',
  stepUpRemove: 'Confirm it’s you to remove {name}.',
  emailLabel: 'Email address',
  phoneLabel: 'Phone number, with the country code (+44…)',
  sendCode: 'Send a code',
  codeLabel: 'The code we sent',
  codeLabelApp: 'Code from your authenticator app',
  verify: 'Verify',
  resend: methods.resend,
  appScan: 'Scan this QR code with your authenticator app, or type the key into it. Then enter the code it shows.',
  qrLabel: 'QR code for your authenticator app',
  appKey: 'Key',
  working: 'Working…',
  errors: {
    ...methods.errors,
    'last-authenticator': 'This is your only way to confirm it’s you: add another before you remove it.',
    'change-in-progress': 'Another change is under way. Finish it first, then try again.',
    'invalid-contact': 'That does not look like an address or number we can send a code to. Please check it.',
    'change-refused': 'The change was not confirmed. Nothing was changed: please try again.',
  },
};
export default change;
