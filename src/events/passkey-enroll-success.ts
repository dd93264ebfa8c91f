import { PasskeyElementEvent } from './passkey-element-event.js';

export interface PasskeyEnrollSuccessDetail {
  /** The token to send to your backend, which validates it with `validateChallenge`. */
  readonly token: string;
  /** Id of the new authenticator, as `getAuthenticators` lists it. */
  readonly userAuthenticatorId: string | undefined;
}

/** Fired when the passkey was created and verified by the API. */
export class PasskeyEnrollSuccessEvent extends PasskeyElementEvent<PasskeyEnrollSuccessDetail> {
  constructor(detail: PasskeyEnrollSuccessDetail) {
    super('passkey-enroll-success', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'passkey-enroll-success': PasskeyEnrollSuccessEvent;
  }
}
