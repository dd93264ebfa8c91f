import { PasskeyElementEvent } from './passkey-element-event.js';

export interface StepUpChallengeSuccessDetail {
  /** The token to send to your backend, which validates it with `validateChallenge`. */
  readonly token: string;
}

/** Fired when the passkey was verified by the API. */
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
