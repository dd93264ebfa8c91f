import type { PasskeyErrorDetail } from './passkey-enroll-error.js';

/** Fired when the step-up failed; the element shows the message and a retry button. */
export class StepUpChallengeErrorEvent extends Event {
  readonly detail: PasskeyErrorDetail;

  constructor(detail: PasskeyErrorDetail) {
    super('step-up-challenge-error', { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'step-up-challenge-error': StepUpChallengeErrorEvent;
  }
}
