import { PasskeyElementEvent } from './passkey-element-event.js';

/** Fired when the user dismissed the browser's passkey prompt (or it timed out). */
export class PasskeyEnrollCancelEvent extends PasskeyElementEvent {
  constructor() {
    super('passkey-enroll-cancel');
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-enroll-cancel': PasskeyEnrollCancelEvent;
  }
}
