import { PasskeyElementEvent } from './passkey-element-event.js';

export interface PasskeySignInSuccessDetail {
  /**
   * The token to send to your backend, which validates it with `validateChallenge` and learns the
   * user from the answer (`userId`). Nothing else: the browser's word on who signed in is not proof.
   */
  readonly token: string;
}

/** Fired when a passkey signed the person in (from the button or from the field's suggestions). */
export class PasskeySignInSuccessEvent extends PasskeyElementEvent<PasskeySignInSuccessDetail> {
  constructor(detail: PasskeySignInSuccessDetail) {
    super('passkey-sign-in-success', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-sign-in-success': PasskeySignInSuccessEvent;
  }
}
