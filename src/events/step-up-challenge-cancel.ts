/** Fired when the user dismissed the passkey prompt, closed the dialog or pressed Escape. */
export class StepUpChallengeCancelEvent extends Event {
  constructor() {
    super('step-up-challenge-cancel', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'step-up-challenge-cancel': StepUpChallengeCancelEvent;
  }
}
