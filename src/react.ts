import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { PasskeyEnroll as PasskeyEnrollClass } from './passkey-enroll.js';
import { StepUpChallenge as StepUpChallengeClass } from './step-up-challenge.js';
import { PasskeySignIn as PasskeySignInClass } from './passkey-sign-in.js';
import { PasskeyManager as PasskeyManagerClass } from './passkey-manager.js';
import type { PasskeyManagerCancelEvent } from './events/passkey-manager-cancel.js';
import type { PasskeyManagerChangeEvent } from './events/passkey-manager-change.js';
import type { PasskeyManagerErrorEvent } from './events/passkey-manager-error.js';
import type { PasskeySignInCancelEvent } from './events/passkey-sign-in-cancel.js';
import type { PasskeySignInErrorEvent } from './events/passkey-sign-in-error.js';
import type { PasskeySignInStartEvent } from './events/passkey-sign-in-start.js';
import type { PasskeySignInSuccessEvent } from './events/passkey-sign-in-success.js';
import type { PasskeyEnrollCancelEvent } from './events/passkey-enroll-cancel.js';
import type { PasskeyEnrollErrorEvent } from './events/passkey-enroll-error.js';
import type { PasskeyEnrollStartEvent } from './events/passkey-enroll-start.js';
import type { PasskeyEnrollSuccessEvent } from './events/passkey-enroll-success.js';
import type { StepUpChallengeCancelEvent } from './events/step-up-challenge-cancel.js';
import type { StepUpChallengeErrorEvent } from './events/step-up-challenge-error.js';
import type { StepUpChallengeStartEvent } from './events/step-up-challenge-start.js';
import type { StepUpChallengeSuccessEvent } from './events/step-up-challenge-success.js';

/**
 * `<PasskeyEnroll>` for React: properties (`token` included) are set as properties, and events
 * are props: `onStart`, `onSuccess`, `onCancel`, `onError`, each typed with its event class.
 */
export const PasskeyEnroll = createComponent({
  tagName: 'passkey-enroll',
  elementClass: PasskeyEnrollClass,
  react: React,
  events: {
    onStart: 'passkey-enroll-start' as EventName<PasskeyEnrollStartEvent>,
    onSuccess: 'passkey-enroll-success' as EventName<PasskeyEnrollSuccessEvent>,
    onCancel: 'passkey-enroll-cancel' as EventName<PasskeyEnrollCancelEvent>,
    onError: 'passkey-enroll-error' as EventName<PasskeyEnrollErrorEvent>,
  },
});

/** `<StepUpChallenge>` for React, with `onStart`, `onSuccess`, `onCancel` and `onError` props. */
export const StepUpChallenge = createComponent({
  tagName: 'step-up-challenge',
  elementClass: StepUpChallengeClass,
  react: React,
  events: {
    onStart: 'step-up-challenge-start' as EventName<StepUpChallengeStartEvent>,
    onSuccess: 'step-up-challenge-success' as EventName<StepUpChallengeSuccessEvent>,
    onCancel: 'step-up-challenge-cancel' as EventName<StepUpChallengeCancelEvent>,
    onError: 'step-up-challenge-error' as EventName<StepUpChallengeErrorEvent>,
  },
});

/**
 * `<PasskeySignIn>` for React, with `onStart`, `onSuccess`, `onCancel` and `onError` props. For
 * autofill, render your username `<input>` as its child.
 */
export const PasskeySignIn = createComponent({
  tagName: 'passkey-sign-in',
  elementClass: PasskeySignInClass,
  react: React,
  events: {
    onStart: 'passkey-sign-in-start' as EventName<PasskeySignInStartEvent>,
    onSuccess: 'passkey-sign-in-success' as EventName<PasskeySignInSuccessEvent>,
    onCancel: 'passkey-sign-in-cancel' as EventName<PasskeySignInCancelEvent>,
    onError: 'passkey-sign-in-error' as EventName<PasskeySignInErrorEvent>,
  },
});

/** `<PasskeyManager>` for React, with `onChange`, `onCancel` and `onError` props. */
export const PasskeyManager = createComponent({
  tagName: 'passkey-manager',
  elementClass: PasskeyManagerClass,
  react: React,
  events: {
    onChange: 'passkey-manager-change' as EventName<PasskeyManagerChangeEvent>,
    onCancel: 'passkey-manager-cancel' as EventName<PasskeyManagerCancelEvent>,
    onError: 'passkey-manager-error' as EventName<PasskeyManagerErrorEvent>,
  },
});
