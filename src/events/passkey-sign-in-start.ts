import { PasskeyElementEvent } from './passkey-element-event.js';

/**
 * Fired before a click's sign-in ceremony; `preventDefault()` stops it. (The autofill request
 * starts on its own when the element connects: a passkey picked there fires success or error.)
 */
export class PasskeySignInStartEvent extends PasskeyElementEvent {
  constructor() {
    super('passkey-sign-in-start', undefined, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-sign-in-start': PasskeySignInStartEvent;
  }
}
