import { PasskeyElementEvent } from './passkey-element-event.js';

/**
 * Fired when the browser's passkey prompt ended without a passkey: dismissed, timed out, or no
 * passkey for this site on the device (browsers do not tell these apart).
 */
export class PasskeySignInCancelEvent extends PasskeyElementEvent {
  constructor() {
    super('passkey-sign-in-cancel');
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-sign-in-cancel': PasskeySignInCancelEvent;
  }
}
