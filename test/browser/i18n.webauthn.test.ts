import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { PasskeyEnroll, PasskeyTranslation, StepUpChallenge } from '../../src/index.js';
import { SHIPPED_LOCALES } from '../../src/i18n/locale-codes.js';
import { loadLocale } from '../../src/i18n/locale-loader.js';
import { backend, uniqueUser } from './support/backend.js';
import { useCeremonyRig } from './support/ceremony-rig.js';
import { nextEvent } from './support/events.js';
import { virtualAuthenticator } from './support/virtual-authenticator.js';

// The states only a real ceremony reaches (waiting, cancelled, done), in every shipped language.
describe('languages in real ceremonies', () => {
  const rig = useCeremonyRig();
  const translations = new Map<string, PasskeyTranslation>();
  before(async () => {
    for (const locale of SHIPPED_LOCALES) translations.set(locale, (await loadLocale(locale)).default);
  });

  const status = (el: Element) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
  const button = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;

  /** Clicks, holds the request whose path ends with `path`, checks the waiting text, then lets it go. */
  async function clickThroughWaiting(el: Element, path: string, waiting: string): Promise<void> {
    const request = rig.recorder.holdNext(path);
    button(el).click();
    await waitUntil(() => request.reached, `${path} in flight`);
    await elementUpdated(el);
    expect(status(el)).to.equal(waiting);
    request.release();
  }

  /** A dismissed prompt (the cancelled text), then a held request (the waiting text), then success. */
  async function cancelThenSucceed(
    el: Element,
    tag: string,
    heldPath: string,
    text: { cancelled: string; working: string; success: string },
  ): Promise<void> {
    await virtualAuthenticator.setUserVerified(rig.authenticatorId, false);
    button(el).click();
    await nextEvent(el, [`${tag}-cancel`]);
    await elementUpdated(el);
    expect(status(el)).to.equal(text.cancelled);
    await virtualAuthenticator.setUserVerified(rig.authenticatorId, true);
    await clickThroughWaiting(el, heldPath, text.working);
    await nextEvent(el, [`${tag}-success`]);
    await elementUpdated(el);
    expect(status(el)).to.equal(text.success);
    await expect(el).to.be.accessible();
  }

  for (const locale of SHIPPED_LOCALES) {
    it(`${locale}: waiting, cancelled and done, for enrollment and step-up`, async () => {
      const t = translations.get(locale)!;
      const userId = uniqueUser();
      const wrapper = await fixture<HTMLElement>(
        html`<div lang=${locale}>
          <passkey-enroll tenant-id=${rig.info.tenantId} base-url=${rig.info.url}></passkey-enroll>
          <step-up-challenge tenant-id=${rig.info.tenantId} base-url=${rig.info.url}></step-up-challenge>
        </div>`,
      );
      const enroll = wrapper.querySelector<PasskeyEnroll>('passkey-enroll')!;
      const stepUp = wrapper.querySelector<StepUpChallenge>('step-up-challenge')!;
      await waitUntil(() => button(enroll)?.textContent?.includes(t.passkeyEnroll.button), 'translated');

      enroll.token = (await backend.track(userId, 'enroll-passkey', { scope: 'add:authenticators' })).token;
      await cancelThenSucceed(enroll, 'passkey-enroll', '/passkey/registration-options', t.passkeyEnroll);
      stepUp.token = (await backend.track(userId, 'high-value-transfer')).token;
      await cancelThenSucceed(stepUp, 'step-up-challenge', '/authentication-options', t.stepUpChallenge);
    });
  }
});
