import type { VerificationMethod } from '../internal/verification-method.js';
import { PasskeyElementEvent } from './passkey-element-event.js';

export interface PasskeyManagerChangeDetail {
  /** What happened: an authenticator was added, or removed. */
  readonly kind: 'added' | 'removed';
  readonly method: VerificationMethod;
  /** Authsignal's `userAuthenticatorId` of the authenticator added or removed. */
  readonly authenticatorId: string;
}

/**
 * Fired once your server confirmed a change (it answered the completion with 2xx); the element
 * has read the list again. Nothing to validate here: your server already did.
 */
export class PasskeyManagerChangeEvent extends PasskeyElementEvent<PasskeyManagerChangeDetail> {
  constructor(detail: PasskeyManagerChangeDetail) {
    super('passkey-manager-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-manager-change': PasskeyManagerChangeEvent;
  }
}
