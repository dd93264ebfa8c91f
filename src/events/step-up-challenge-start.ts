/** Fired before the ceremony; `preventDefault()` stops it. */
export class StepUpChallengeStartEvent extends Event {
  constructor() {
    super('step-up-challenge-start', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'step-up-challenge-start': StepUpChallengeStartEvent;
  }
}
