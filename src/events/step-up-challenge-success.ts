import type { VerificationMethod } from '../internal/verification-method.js';
import { PasskeyElementEvent } from './passkey-element-event.js';

export interface StepUpChallengeSuccessDetail {
  /** The token to send to your backend, which validates it with `validateChallenge`. */
  readonly token: string;
  /** How the person confirmed (your backend reads the same from `validateChallenge`). */
  readonly method: VerificationMethod;
}

/** Fired when the API verified the person: a passkey, or a code. */
export class StepUpChallengeSuccessEvent extends PasskeyElementEvent<StepUpChallengeSuccessDetail> {
  constructor(detail: StepUpChallengeSuccessDetail) {
    super('step-up-challenge-success', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'step-up-challenge-success': StepUpChallengeSuccessEvent;
  }
}
