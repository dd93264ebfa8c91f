/**
 * JSX typings for the tags in Preact (`import type {} from 'passkey-elements/jsx-preact'`).
 * Preact sets known properties as properties and `on<event-name>` props as event listeners.
 */
// Brings 'preact' into scope so that it can be augmented below.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import type { JSX } from 'preact';
import type { PasskeyEnroll } from './components/passkey-enroll/passkey-enroll.component.js';
import type { PasskeyManager } from './components/passkey-manager/passkey-manager.component.js';
import type { PasskeySignIn } from './components/passkey-sign-in/passkey-sign-in.component.js';
import type { StepUpChallenge } from './components/step-up-challenge/step-up-challenge.component.js';
import type {
  PasskeyEnrollJsxProps,
  PasskeyManagerJsxProps,
  PasskeySignInJsxProps,
  StepUpChallengeJsxProps,
} from './jsx-types.js';

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'passkey-enroll': Omit<JSX.HTMLAttributes<PasskeyEnroll>, keyof PasskeyEnrollJsxProps> & PasskeyEnrollJsxProps;
      'step-up-challenge': Omit<JSX.HTMLAttributes<StepUpChallenge>, keyof StepUpChallengeJsxProps> &
        StepUpChallengeJsxProps;
      'passkey-sign-in': Omit<JSX.HTMLAttributes<PasskeySignIn>, keyof PasskeySignInJsxProps> & PasskeySignInJsxProps;
      'passkey-manager': Omit<JSX.HTMLAttributes<PasskeyManager>, keyof PasskeyManagerJsxProps> &
        PasskeyManagerJsxProps;
    }
  }
}

export type { PasskeyEnrollJsxProps, PasskeyManagerJsxProps, PasskeySignInJsxProps, StepUpChallengeJsxProps };
