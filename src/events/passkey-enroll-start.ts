/** Fired before the ceremony; `preventDefault()` stops it. */
export class PasskeyEnrollStartEvent extends Event {
  constructor() {
    super('passkey-enroll-start', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-enroll-start': PasskeyEnrollStartEvent;
  }
}
