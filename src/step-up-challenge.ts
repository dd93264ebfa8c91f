import { StepUpChallenge } from './components/step-up-challenge/step-up-challenge.component.js';

export { StepUpChallenge };
export * from './events/step-up-challenge-start.js';
export * from './events/step-up-challenge-success.js';
export * from './events/step-up-challenge-cancel.js';
export * from './events/step-up-challenge-error.js';
export { registerTranslation } from './i18n/translations.js';

// Guarded, so that loading the package twice does not throw.
if (!customElements.get('step-up-challenge')) customElements.define('step-up-challenge', StepUpChallenge);

declare global {
  interface HTMLElementTagNameMap {
    'step-up-challenge': StepUpChallenge;
  }
}
