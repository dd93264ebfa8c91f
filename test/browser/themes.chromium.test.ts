import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { PasskeyTranslation } from '../../src/index.js';
import { SHIPPED_LOCALES } from '../../src/i18n/locale-codes.js';
import { loadLocale } from '../../src/i18n/locale-loader.js';
import en from '../../src/locales/en.js';
import enSignIn from '../../src/locales/sign-in/en.js';
import { backend, uniqueUser } from './support/backend.js';
import { emulateMedia } from './support/media.js';

/** The README's three themes, as a host page sets them. */
const THEMES: Record<string, { page: string; system: 'light' | 'dark'; forced?: boolean }> = {
  light: { page: 'background: #ffffff; color: #111827;', system: 'light' },
  // The page follows the system's dark preference; the elements do so by themselves.
  dark: { page: 'background: #0b1220; color: #e5e7eb;', system: 'dark' },
  brand: {
    page: `background: #fdf8f3; color: #2b1d0e;
      --passkey-color-primary: #7c2d12; --passkey-color-on-primary: #fffbeb;
      --passkey-color-muted: #57534e; --passkey-color-danger: #9f1239; --passkey-color-success: #166534;
      --passkey-color-surface: #fffbeb; --passkey-radius: 999px; --passkey-font-family: Georgia, serif;
      --passkey-focus-ring: 0 0 0 3px #fdba74; --passkey-color-scheme: light;`,
    system: 'dark',
  },
  'forced colors': { page: '', system: 'light', forced: true },
};

// Chromium only: forced-colors emulation needs the DevTools protocol.
describe('themes, in every language', () => {
  const translations = new Map<string, PasskeyTranslation>([['en', { ...en, passkeySignIn: enSignIn }]]);
  before(async () => {
    for (const locale of SHIPPED_LOCALES) translations.set(locale, (await loadLocale(locale)).default);
  });
  afterEach(async () => {
    document.body.removeAttribute('style');
    document.documentElement.removeAttribute('style');
    await emulateMedia();
  });

  const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;

  for (const [name, theme] of Object.entries(THEMES)) {
    it(`${name}: axe-clean in all 12 languages, at rest, in error and in the open dialog`, async () => {
      await emulateMedia({
        'prefers-color-scheme': theme.system,
        ...(theme.forced ? { 'forced-colors': 'active' } : {}),
      });
      document.body.setAttribute('style', theme.page);
      for (const [locale, t] of translations) {
        const wrapper = await fixture<HTMLElement>(
          html`<div lang=${locale}>
            <passkey-enroll></passkey-enroll>
            <passkey-sign-in
              ><label>User <input name="username" /></label
            ></passkey-sign-in>
            <step-up-challenge modal open><span slot="description">$7,500 → Bob</span></step-up-challenge>
          </div>`,
        );
        const enroll = wrapper.querySelector('passkey-enroll')!;
        const signIn = wrapper.querySelector('passkey-sign-in')!;
        const stepUp = wrapper.querySelector('step-up-challenge')!;
        await waitUntil(() => part(enroll, 'button').textContent!.includes(t.passkeyEnroll.button), locale);
        part(enroll, 'button').click();
        await waitUntil(() => part(enroll, 'error')?.textContent === t.passkeyEnroll.errors.configuration, locale);
        await waitUntil(() => part(signIn, 'button').textContent!.includes(t.passkeySignIn!.button), locale);
        part(signIn, 'button').click();
        await waitUntil(() => part(signIn, 'error')?.textContent === t.passkeySignIn!.errors.configuration, locale);
        await elementUpdated(stepUp);
        await expect(wrapper).to.be.accessible();
        stepUp.shadowRoot!.querySelector('dialog')!.close();
        wrapper.remove();
      }
    });
  }

  for (const [name, theme] of Object.entries(THEMES)) {
    it(`${name}: the other methods' views are axe-clean in all 12 languages, a wrong code and the list included`, async () => {
      await emulateMedia({
        'prefers-color-scheme': theme.system,
        ...(theme.forced ? { 'forced-colors': 'active' } : {}),
      });
      document.body.setAttribute('style', theme.page);
      for (const locale of translations.keys()) {
        const el = await fixture<HTMLElement>(
          html`<step-up-challenge lang=${locale} methods="AUTHENTICATOR_APP EMAIL_OTP"></step-up-challenge>`,
        );
        await waitUntil(() => el.shadowRoot!.querySelector('[part="code"]'), locale);
        // Not a code at all: refused before any request, with the error state of a wrong one.
        (part(el, 'code') as HTMLInputElement).value = 'abc';
        part(el, 'verify-code').click();
        await waitUntil(() => part(el, 'code').getAttribute('aria-invalid') === 'true', locale);
        await expect(el).to.be.accessible();
        if (name === 'brand') {
          expect(getComputedStyle(part(el, 'other-methods')).color).to.equal('rgb(124, 45, 18)');
          expect(getComputedStyle(part(el, 'code')).borderColor).to.equal('rgb(159, 18, 57)');
        }
        part(el, 'other-methods').click();
        await waitUntil(() => el.shadowRoot!.querySelector('[part="method-option"]'), locale);
        await expect(el).to.be.accessible();
        el.remove();
      }
    });
  }

  for (const [name, theme] of Object.entries(THEMES)) {
    it(`${name}: <passkey-manager> is axe-clean in all 12 languages: its list, a removal's confirmation, an error`, async () => {
      await emulateMedia({
        'prefers-color-scheme': theme.system,
        ...(theme.forced ? { 'forced-colors': 'active' } : {}),
      });
      document.body.setAttribute('style', theme.page);
      const info = await backend.info();
      const userId = uniqueUser('themes');
      await backend.enrollVerified(userId, { verificationMethod: 'EMAIL_OTP', email: `${userId}@example.com` });
      await backend.enrollVerified(userId, { verificationMethod: 'SMS', phoneNumber: '+64211234567' });
      for (const locale of translations.keys()) {
        const el = await fixture<HTMLElement & { authenticators?: unknown[] }>(
          html`<passkey-manager
            lang=${locale}
            tenant-id=${info.tenantId}
            base-url=${info.url}
            token-url="/test-backend/manager/${userId}/token"
            changes-url="/test-backend/manager/${userId}/changes"
            methods="PASSKEY EMAIL_OTP SMS AUTHENTICATOR_APP"
          ></passkey-manager>`,
        );
        await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="remove"]').length === 2, locale);
        await expect(el).to.be.accessible();
        el.shadowRoot!.querySelector<HTMLElement>('[part="remove"]')!.click();
        await waitUntil(() => el.shadowRoot!.querySelector('[part="confirm-remove"]'), locale);
        await expect(el).to.be.accessible();
        part(el, 'cancel').click();
        // A list it cannot read: the error state.
        (el as HTMLElement & { tokenUrl: string }).tokenUrl = '/test-backend/enroll-token?status=500';
        await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), locale);
        await expect(el).to.be.accessible();
        el.remove();
      }
    });
  }

  it('dark follows the system unless the host pins --passkey-color-scheme', async () => {
    const el = await fixture<HTMLElement>(html`<passkey-enroll></passkey-enroll>`);
    const background = () => getComputedStyle(part(el, 'button')).backgroundColor;
    await emulateMedia({ 'prefers-color-scheme': 'dark' });
    expect(background()).to.equal('rgb(147, 197, 253)');
    document.documentElement.style.setProperty('--passkey-color-scheme', 'light');
    expect(background()).to.equal('rgb(29, 78, 216)', 'a light-only page keeps light elements');
    await emulateMedia({ 'prefers-color-scheme': 'light' });
    document.documentElement.style.setProperty('--passkey-color-scheme', 'dark');
    expect(background()).to.equal('rgb(147, 197, 253)', 'a dark-only page gets dark elements');
    el.style.setProperty('--passkey-color-primary', 'rgb(1, 2, 3)');
    expect(background()).to.equal('rgb(1, 2, 3)', 'an explicit color wins over both schemes');
  });

  it('the dialog surface follows the scheme too', async () => {
    const el = await fixture<HTMLElement>(html`<step-up-challenge modal open></step-up-challenge>`);
    await elementUpdated(el);
    const surface = () => getComputedStyle(part(el, 'dialog')).backgroundColor;
    await emulateMedia({ 'prefers-color-scheme': 'light' });
    expect(surface()).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ 'prefers-color-scheme': 'dark' });
    expect(surface()).to.equal('rgb(17, 24, 39)');
    (part(el, 'dialog') as HTMLDialogElement).close();
  });

  it('stays usable in forced colors: system colors, a visible button edge and focus outline', async () => {
    await emulateMedia({ 'forced-colors': 'active' });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await fixture<HTMLElement>(html`<passkey-enroll></passkey-enroll>`);
    const button = part(el, 'button');
    const style = getComputedStyle(button);
    expect(style.borderTopStyle).to.equal('solid');
    expect(style.borderTopColor).not.to.equal('rgba(0, 0, 0, 0)', 'the edge is drawn in a system color');
    expect(style.borderTopColor).to.equal(style.color, 'ButtonText edge on ButtonText label');
    button.focus();
    expect(button.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(button).outlineStyle).to.equal('solid', 'the focus ring is an outline, not a shadow');
    const icon = el.shadowRoot!.querySelector('svg')!;
    expect(getComputedStyle(icon).stroke).to.equal(style.color, 'the icon draws in the text color');

    const stepUp = await fixture<HTMLElement>(html`<step-up-challenge modal open></step-up-challenge>`);
    await elementUpdated(stepUp);
    const dialog = getComputedStyle(part(stepUp, 'dialog'));
    expect(dialog.borderTopStyle).to.equal('solid', 'the dialog has an edge against the backdrop');
    expect(dialog.borderTopColor).not.to.equal('rgba(0, 0, 0, 0)');
    const close = getComputedStyle(part(stepUp, 'close-button'));
    expect(close.borderTopColor).not.to.equal('rgba(0, 0, 0, 0)');
    (part(stepUp, 'dialog') as HTMLDialogElement).close();
  });
});
