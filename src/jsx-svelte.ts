/**
 * Svelte 5 typings for the tags (`import type {} from 'passkey-elements/jsx-svelte'`, e.g. in
 * `src/app.d.ts`), so that `svelte-check` knows their properties and `on<event-name>` handlers.
 * Svelte 5 sets a known property as a property (import the elements before the component mounts)
 * and `onstep-up-challenge-success={…}` adds a listener for that event.
 */
import type { HTMLAttributes } from 'svelte/elements';
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

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'passkey-enroll': Omit<HTMLAttributes<PasskeyEnroll>, keyof PasskeyEnrollJsxProps> & PasskeyEnrollJsxProps;
    'step-up-challenge': Omit<HTMLAttributes<StepUpChallenge>, keyof StepUpChallengeJsxProps> & StepUpChallengeJsxProps;
    'passkey-sign-in': Omit<HTMLAttributes<PasskeySignIn>, keyof PasskeySignInJsxProps> & PasskeySignInJsxProps;
    'passkey-manager': Omit<HTMLAttributes<PasskeyManager>, keyof PasskeyManagerJsxProps> & PasskeyManagerJsxProps;
  }
}

export type { PasskeyEnrollJsxProps, PasskeyManagerJsxProps, PasskeySignInJsxProps, StepUpChallengeJsxProps };
