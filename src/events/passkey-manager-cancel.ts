import { PasskeyElementEvent } from './passkey-element-event.js';

/** Fired when the person left a change before it was made (its step-up included): nothing changed. */
export class PasskeyManagerCancelEvent extends PasskeyElementEvent {
  constructor() {
    super('passkey-manager-cancel');
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-manager-cancel': PasskeyManagerCancelEvent;
  }
}
