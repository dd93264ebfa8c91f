import { PasskeyElementEvent } from './passkey-element-event.js';

/** Fired before the ceremony; `preventDefault()` stops it. */
export class PasskeyEnrollStartEvent extends PasskeyElementEvent {
  constructor() {
    super('passkey-enroll-start', undefined, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-enroll-start': PasskeyEnrollStartEvent;
  }
}
