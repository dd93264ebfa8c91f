import type { StepUpErrorCode } from '../internal/error-codes.js';
import type { VerificationMethod } from '../internal/verification-method.js';
import type { PasskeyErrorDetail } from './passkey-enroll-error.js';
import { PasskeyElementEvent } from './passkey-element-event.js';

export interface StepUpChallengeErrorDetail extends PasskeyErrorDetail<StepUpErrorCode> {
  /** The method that failed; `null` with `no-method`, when there is none. */
  readonly method: VerificationMethod | null;
}

/** Fired when the step-up failed; the element shows the message and a way to try again. */
export class StepUpChallengeErrorEvent extends PasskeyElementEvent<StepUpChallengeErrorDetail> {
  constructor(detail: StepUpChallengeErrorDetail) {
    super('step-up-challenge-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'step-up-challenge-error': StepUpChallengeErrorEvent;
  }
}
