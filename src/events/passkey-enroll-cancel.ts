/** Fired when the user dismissed the browser's passkey prompt (or it timed out). */
export class PasskeyEnrollCancelEvent extends Event {
  constructor() {
    super('passkey-enroll-cancel', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-enroll-cancel': PasskeyEnrollCancelEvent;
  }
}
