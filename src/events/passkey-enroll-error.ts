import type { PasskeyErrorCode } from '../internal/error-codes.js';
import { PasskeyElementEvent } from './passkey-element-event.js';

export interface PasskeyErrorDetail<C extends string = PasskeyErrorCode> {
  /** Stable code to branch on. */
  readonly code: C;
  /** The message shown to the user (after `strings` overrides). */
  readonly message: string;
}

/** Fired when enrollment failed; the element shows the message and a retry button. */
export class PasskeyEnrollErrorEvent extends PasskeyElementEvent<PasskeyErrorDetail> {
  constructor(detail: PasskeyErrorDetail) {
    super('passkey-enroll-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-enroll-error': PasskeyEnrollErrorEvent;
  }
}
