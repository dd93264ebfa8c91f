import type { PasskeyManagerStrings } from '../../../internal/strings.js';
import en from '../../en.js';

/** The strings the change steps need, in English: they load with the steps (en/change.ts). */
export type ManagerChangeKey =
  | 'confirmRemove'
  | 'confirmRemoveButton'
  | 'cancel'
  | 'cancelled'
  | 'stepUpAdd'
  | 'stepUpRemove'
  | 'emailLabel'
  | 'phoneLabel'
  | 'sendCode'
  | 'codeLabel'
  | 'codeLabelApp'
  | 'verify'
  | 'appScan'
  | 'qrLabel'
  | 'appKey'
  | 'resend'
  | 'working';

/**
 * English for what `<passkey-manager>` shows before a change starts: the list and its buttons.
 * Its errors are the other elements' (in every bundle already); the steps bring theirs.
 */
const list: Omit<PasskeyManagerStrings, ManagerChangeKey | 'errors'> & Pick<PasskeyManagerStrings, 'errors'> = {
  listLabel: 'Your ways to confirm it’s you',
  loading: 'Loading…',
  empty: 'Nothing here yet.',
  passkey: 'Passkey',
  methodEmail: 'Email codes',
  methodSms: 'Text-message codes',
  methodApp: 'Authenticator app',
  added: 'Added {date}',
  lastUsed: 'last used {date}',
  thisDevice: 'On this device',
  addPasskey: 'Add a passkey',
  addEmail: 'Add an email address',
  addSms: 'Add a phone',
  addApp: 'Set up an authenticator app',
  remove: 'Remove',
  removeLabel: 'Remove {name}',
  lastOne: 'This is your only way to confirm it’s you: add another before you remove it.',
  changeAdded: '{name} added.',
  changeRemoved: '{name} removed.',
  // Until the steps load, only these can happen (reading the list, loading the steps).
  errors: en.passkeyEnroll.errors as PasskeyManagerStrings['errors'],
};
export default list;
