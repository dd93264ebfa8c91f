import { PasskeyElementEvent } from './passkey-element-event.js';

/** Fired when the user dismissed the passkey prompt, closed the dialog or pressed Escape. */
export class StepUpChallengeCancelEvent extends PasskeyElementEvent {
  constructor() {
    super('step-up-challenge-cancel');
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'step-up-challenge-cancel': StepUpChallengeCancelEvent;
  }
}
