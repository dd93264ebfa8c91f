import type { PasskeyErrorDetail } from './passkey-enroll-error.js';
import { PasskeyElementEvent } from './passkey-element-event.js';

/** Fired when the sign-in failed; the element shows the message and a retry button. */
export class PasskeySignInErrorEvent extends PasskeyElementEvent<PasskeyErrorDetail> {
  constructor(detail: PasskeyErrorDetail) {
    super('passkey-sign-in-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-sign-in-error': PasskeySignInErrorEvent;
  }
}
