import { fixture, html } from '@open-wc/testing';
import type { PasskeyEnroll } from '../../../src/components/passkey-enroll/passkey-enroll.component.js';
import type { StepUpChallenge } from '../../../src/components/step-up-challenge/step-up-challenge.component.js';
import { backend, uniqueUser, type EmulatorInfo } from './backend.js';
import { ENROLL_EVENTS, nextEvent, STEP_UP_EVENTS } from './events.js';

/** Both elements side by side, configured for the test emulator, rendered. */
export async function bothElements(info: EmulatorInfo) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <passkey-enroll tenant-id=${info.tenantId} base-url=${info.url}></passkey-enroll>
      <step-up-challenge tenant-id=${info.tenantId} base-url=${info.url}></step-up-challenge>
    </div>`,
  );
  const enroll = wrapper.querySelector('passkey-enroll') as PasskeyEnroll;
  const stepUp = wrapper.querySelector('step-up-challenge') as StepUpChallenge;
  await Promise.all([enroll.updateComplete, stepUp.updateComplete]);
  return { wrapper, enroll, stepUp };
}

export const button = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;

/** Requests for the SDK's file that the page itself has timed (another view than the server's count). */
export const sdkResources = () =>
  performance.getEntriesByType('resource').filter((e) => /passkey-ceremonies|passkey-elements-sdk/.test(e.name));

/** Enrolls a new user through `enroll`, then steps them up through `stepUp`; both tokens validated. */
export async function enrollThenStepUp(enroll: PasskeyEnroll, stepUp: StepUpChallenge) {
  const userId = uniqueUser('sdk');
  enroll.token = (await backend.track(userId, 'enroll-passkey')).token;
  button(enroll).click();
  const enrolled = await nextEvent<CustomEvent<{ token: string }>>(enroll, ENROLL_EVENTS.slice(1));
  const stepUpToken = (await backend.track(userId, 'high-value-transfer')).token;
  stepUp.token = stepUpToken;
  await stepUp.updateComplete;
  button(stepUp).click();
  const verified = await nextEvent<CustomEvent<{ token: string }>>(stepUp, STEP_UP_EVENTS.slice(1));
  return {
    enrolled:
      enrolled.type === 'passkey-enroll-success' &&
      (await backend.validate({ token: enrolled.detail.token, userId })).isValid,
    verified:
      verified.type === 'step-up-challenge-success' &&
      (await backend.validate({ token: verified.detail.token, userId, action: 'high-value-transfer' })).isValid,
  };
}
