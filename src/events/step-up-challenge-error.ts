import type { PasskeyErrorDetail } from './passkey-enroll-error.js';
import { PasskeyElementEvent } from './passkey-element-event.js';

/** Fired when the step-up failed; the element shows the message and a retry button. */
export class StepUpChallengeErrorEvent extends PasskeyElementEvent<PasskeyErrorDetail> {
  constructor(detail: PasskeyErrorDetail) {
    super('step-up-challenge-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'step-up-challenge-error': StepUpChallengeErrorEvent;
  }
}
