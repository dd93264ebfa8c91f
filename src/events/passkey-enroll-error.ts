import type { PasskeyErrorCode } from '../internal/error-codes.js';

export interface PasskeyErrorDetail<C extends string = PasskeyErrorCode> {
  /** Stable code to branch on. */
  readonly code: C;
  /** The message shown to the user (after `strings` overrides). */
  readonly message: string;
}

/** Fired when enrollment failed; the element shows the message and a retry button. */
export class PasskeyEnrollErrorEvent extends Event {
  readonly detail: PasskeyErrorDetail;

  constructor(detail: PasskeyErrorDetail) {
    super('passkey-enroll-error', { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-enroll-error': PasskeyEnrollErrorEvent;
  }
}
