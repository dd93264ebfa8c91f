import { PasskeyElementEvent } from './passkey-element-event.js';

/** Fired before the ceremony; `preventDefault()` stops it. */
export class StepUpChallengeStartEvent extends PasskeyElementEvent {
  constructor() {
    super('step-up-challenge-start', undefined, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'step-up-challenge-start': StepUpChallengeStartEvent;
  }
}
