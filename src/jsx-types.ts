import type { PasskeyEnroll } from './components/passkey-enroll/passkey-enroll.component.js';
import type { PasskeyManager } from './components/passkey-manager/passkey-manager.component.js';
import type { PasskeySignIn } from './components/passkey-sign-in/passkey-sign-in.component.js';
import type { StepUpChallenge } from './components/step-up-challenge/step-up-challenge.component.js';
import type { PasskeyEnrollCancelEvent } from './events/passkey-enroll-cancel.js';
import type { PasskeyEnrollErrorEvent } from './events/passkey-enroll-error.js';
import type { PasskeyEnrollStartEvent } from './events/passkey-enroll-start.js';
import type { PasskeyEnrollSuccessEvent } from './events/passkey-enroll-success.js';
import type { PasskeyManagerCancelEvent } from './events/passkey-manager-cancel.js';
import type { PasskeyManagerChangeEvent } from './events/passkey-manager-change.js';
import type { PasskeyManagerErrorEvent } from './events/passkey-manager-error.js';
import type { PasskeySignInCancelEvent } from './events/passkey-sign-in-cancel.js';
import type { PasskeySignInErrorEvent } from './events/passkey-sign-in-error.js';
import type { PasskeySignInStartEvent } from './events/passkey-sign-in-start.js';
import type { PasskeySignInSuccessEvent } from './events/passkey-sign-in-success.js';
import type { StepUpChallengeCancelEvent } from './events/step-up-challenge-cancel.js';
import type { StepUpChallengeErrorEvent } from './events/step-up-challenge-error.js';
import type { StepUpChallengeStartEvent } from './events/step-up-challenge-start.js';
import type { StepUpChallengeSuccessEvent } from './events/step-up-challenge-success.js';

/** Attributes, properties and `on<event-name>` listeners of `<passkey-enroll>` in JSX. */
export interface PasskeyEnrollJsxProps {
  'tenant-id'?: string;
  'base-url'?: string;
  username?: string;
  'display-name'?: string;
  'authenticator-attachment'?: 'platform' | 'cross-platform';
  'token-url'?: string;
  disabled?: boolean;
  tenantId?: PasskeyEnroll['tenantId'];
  baseUrl?: PasskeyEnroll['baseUrl'];
  displayName?: PasskeyEnroll['displayName'];
  authenticatorAttachment?: PasskeyEnroll['authenticatorAttachment'];
  tokenUrl?: PasskeyEnroll['tokenUrl'];
  token?: PasskeyEnroll['token'];
  strings?: PasskeyEnroll['strings'];
  'onpasskey-enroll-start'?: (event: PasskeyEnrollStartEvent) => void;
  'onpasskey-enroll-success'?: (event: PasskeyEnrollSuccessEvent) => void;
  'onpasskey-enroll-cancel'?: (event: PasskeyEnrollCancelEvent) => void;
  'onpasskey-enroll-error'?: (event: PasskeyEnrollErrorEvent) => void;
}

/** Attributes, properties and `on<event-name>` listeners of `<step-up-challenge>` in JSX. */
export interface StepUpChallengeJsxProps {
  'tenant-id'?: string;
  'base-url'?: string;
  action?: string;
  'user-id'?: string;
  /** Space-separated, e.g. `"PASSKEY EMAIL_OTP"`. */
  methods?: string | StepUpChallenge['methods'];
  autostart?: boolean;
  modal?: boolean;
  open?: boolean;
  disabled?: boolean;
  tenantId?: StepUpChallenge['tenantId'];
  baseUrl?: StepUpChallenge['baseUrl'];
  userId?: StepUpChallenge['userId'];
  token?: StepUpChallenge['token'];
  strings?: StepUpChallenge['strings'];
  'onstep-up-challenge-start'?: (event: StepUpChallengeStartEvent) => void;
  'onstep-up-challenge-success'?: (event: StepUpChallengeSuccessEvent) => void;
  'onstep-up-challenge-cancel'?: (event: StepUpChallengeCancelEvent) => void;
  'onstep-up-challenge-error'?: (event: StepUpChallengeErrorEvent) => void;
}

/** Attributes, properties and `on<event-name>` listeners of `<passkey-sign-in>` in JSX. */
export interface PasskeySignInJsxProps {
  'tenant-id'?: string;
  'base-url'?: string;
  action?: string;
  autofill?: boolean;
  disabled?: boolean;
  tenantId?: PasskeySignIn['tenantId'];
  baseUrl?: PasskeySignIn['baseUrl'];
  strings?: PasskeySignIn['strings'];
  'onpasskey-sign-in-start'?: (event: PasskeySignInStartEvent) => void;
  'onpasskey-sign-in-success'?: (event: PasskeySignInSuccessEvent) => void;
  'onpasskey-sign-in-cancel'?: (event: PasskeySignInCancelEvent) => void;
  'onpasskey-sign-in-error'?: (event: PasskeySignInErrorEvent) => void;
}

/** Attributes, properties and `on<event-name>` listeners of `<passkey-manager>` in JSX. */
export interface PasskeyManagerJsxProps {
  'tenant-id'?: string;
  'base-url'?: string;
  'token-url'?: string;
  'changes-url'?: string;
  'user-id'?: string;
  'rp-id'?: string;
  username?: string;
  'display-name'?: string;
  /** Space-separated, e.g. `"PASSKEY EMAIL_OTP SMS AUTHENTICATOR_APP"`. */
  methods?: string | PasskeyManager['methods'];
  disabled?: boolean;
  tenantId?: PasskeyManager['tenantId'];
  baseUrl?: PasskeyManager['baseUrl'];
  tokenUrl?: PasskeyManager['tokenUrl'];
  changesUrl?: PasskeyManager['changesUrl'];
  userId?: PasskeyManager['userId'];
  rpId?: PasskeyManager['rpId'];
  displayName?: PasskeyManager['displayName'];
  strings?: PasskeyManager['strings'];
  'onpasskey-manager-change'?: (event: PasskeyManagerChangeEvent) => void;
  'onpasskey-manager-cancel'?: (event: PasskeyManagerCancelEvent) => void;
  'onpasskey-manager-error'?: (event: PasskeyManagerErrorEvent) => void;
}
