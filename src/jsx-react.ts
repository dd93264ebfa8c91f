/**
 * JSX typings for the raw tags in React 19 (`import type {} from 'passkey-elements/jsx-react'`).
 * React 19 sets known properties as properties and `on<event-name>` props as event listeners.
 * For typed `onSuccess`-style props, use the wrappers in `passkey-elements/react` instead.
 */
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

type ReactProps<E extends HTMLElement> = import('react').DetailedHTMLProps<import('react').HTMLAttributes<E>, E>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'passkey-enroll': Omit<ReactProps<PasskeyEnroll>, keyof PasskeyEnrollJsxProps> & PasskeyEnrollJsxProps;
      'step-up-challenge': Omit<ReactProps<StepUpChallenge>, keyof StepUpChallengeJsxProps> & StepUpChallengeJsxProps;
      'passkey-sign-in': Omit<ReactProps<PasskeySignIn>, keyof PasskeySignInJsxProps> & PasskeySignInJsxProps;
      'passkey-manager': Omit<ReactProps<PasskeyManager>, keyof PasskeyManagerJsxProps> & PasskeyManagerJsxProps;
    }
  }
}

export type { PasskeyEnrollJsxProps, PasskeyManagerJsxProps, PasskeySignInJsxProps, StepUpChallengeJsxProps };
