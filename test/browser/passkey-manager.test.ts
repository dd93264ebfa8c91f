import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/passkey-manager.js';
import type { PasskeyManager } from '../../src/passkey-manager.js';
import type { StepUpChallenge } from '../../src/step-up-challenge.js';
import { SHIPPED_LOCALES } from '../../src/i18n/locale-codes.js';
import type { PasskeyManagerStrings } from '../../src/internal/strings.js';
import english from '../../src/locales/manager/en.js';
import { backend, uniqueUser, type EmulatorInfo } from './support/backend.js';
import { nextEvent, recordEvents } from './support/events.js';

const EVENTS = ['passkey-manager-change', 'passkey-manager-cancel', 'passkey-manager-error'] as const;
const ALL = 'PASSKEY EMAIL_OTP SMS AUTHENTICATOR_APP';

// <passkey-manager> with email, SMS and authenticator-app codes: no WebAuthn, so Chromium and
// Firefox ESR both run these. The host's part is the test backend's (test/plugins/manager-backend.ts).
describe('<passkey-manager> with codes', () => {
  let info: EmulatorInfo;
  before(async () => {
    info = await backend.info();
  });

  const part = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
  const parts = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
  const text = (el: Element, selector: string) => part(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const stepUpOf = (el: PasskeyManager) => part(el, 'step-up-challenge') as StepUpChallenge | null;
  const inStepUp = (el: PasskeyManager, name: string) =>
    stepUpOf(el)?.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`) ?? null;
  const shown = (el: PasskeyManager, selector: string) =>
    waitUntil(() => part(el, selector), `${selector} is shown`, { timeout: 5000 });
  const listed = (el: PasskeyManager) => parts(el, '[part=item]').map((item) => item.dataset.method);
  const latestCode = async (to: string) => (await backend.outbox(to))[0]!.code;
  const type = (input: HTMLElement, value: string) => ((input as HTMLInputElement).value = value);

  async function emailUser() {
    const userId = uniqueUser('manager');
    const email = `${userId}@example.com`;
    await backend.enrollVerified(userId, { verificationMethod: 'EMAIL_OTP', email });
    return { userId, email };
  }

  async function manager(userId: string, methods = ALL, extra: { lang?: string } = {}) {
    const el = await fixture<PasskeyManager>(
      html`<passkey-manager
        tenant-id=${info.tenantId}
        base-url=${info.url}
        token-url="/test-backend/manager/${userId}/token"
        changes-url="/test-backend/manager/${userId}/changes"
        user-id=${userId}
        methods=${methods}
        lang=${extra.lang ?? 'en'}
      ></passkey-manager>`,
    );
    await waitUntil(() => el.authenticators, 'the list is read', { timeout: 5000 });
    await elementUpdated(el);
    return el;
  }

  /** The change's step-up, by the code the emulator emailed to `email`. */
  async function stepUpByEmail(el: PasskeyManager, email: string) {
    await waitUntil(() => inStepUp(el, 'send-code'), 'the step-up offers an email code', { timeout: 5000 });
    const sent = (await backend.outbox(email)).length;
    inStepUp(el, 'send-code')!.click();
    await waitUntil(async () => (await backend.outbox(email)).length > sent && inStepUp(el, 'code'), 'code sent');
    type(inStepUp(el, 'code')!, await latestCode(email));
    inStepUp(el, 'verify-code')!.click();
  }

  it('lists the email address, keeps the only one, and offers what may be added; nothing loads before intent', async () => {
    const { userId, email } = await emailUser();
    const el = await manager(userId);
    expect(listed(el)).to.deep.equal(['EMAIL_OTP']);
    expect(text(el, '[part=name]')).to.equal('Email codes');
    expect(text(el, '[part=detail]')).to.match(new RegExp(`^${email.replace(/[.]/g, '\\.')} · Added `));
    expect(part(el, '[part=remove]')).to.equal(null);
    expect(text(el, '[part=note]')).to.equal(english.lastOne);
    expect(parts(el, '[part=add]').map((b) => b.dataset.method)).to.deep.equal([
      'PASSKEY',
      'EMAIL_OTP',
      'SMS',
      'AUTHENTICATOR_APP',
    ]);
    expect(el.matches(':state(ready)')).to.equal(true);
    const loaded = performance.getEntriesByType('resource').map((r) => r.name);
    expect(loaded.some((name) => /change-flow|passkey-ceremonies|qrcode/.test(name))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  // Right after the test above: the change steps have not been loaded on this page yet.
  it('fetches its change steps on intent, before any click: a keyboard focus on an add button', async () => {
    const { userId } = await emailUser();
    const el = await manager(userId);
    const changeSteps = () => performance.getEntriesByType('resource').filter((r) => /change-flow/.test(r.name)).length;
    expect(changeSteps()).to.equal(0);
    part(el, '[part=add]')!.focus();
    await waitUntil(() => changeSteps() === 1, 'the change steps are fetched on focus');
  });

  it('names a passkey by its maker, says when it was last used and that this browser holds it', async () => {
    const { userId } = await emailUser();
    localStorage.setItem('as_user_passkey_map', JSON.stringify({ [userId]: ['cred-here'] }));
    const original = window.fetch;
    const listed = [
      {
        userAuthenticatorId: 'a1',
        verificationMethod: 'PASSKEY',
        createdAt: '2026-01-05T10:00:00Z',
        lastVerifiedAt: '2026-11-30T10:00:00Z',
        webauthnCredential: { credentialId: 'cred-here', aaguidMapping: { name: 'Google Password Manager' } },
      },
      {
        userAuthenticatorId: 'a2',
        verificationMethod: 'PASSKEY',
        createdAt: '2026-02-01T10:00:00Z',
        webauthnCredential: { credentialId: 'cred-elsewhere' },
      },
      { userAuthenticatorId: 'a3', verificationMethod: 'SECURITY_KEY', createdAt: '2026-02-01T10:00:00Z' },
    ];
    // Authsignal's answer as the element reads it (the emulator's passkeys carry no known AAGUID).
    window.fetch = async (input, init) =>
      String(input).endsWith('/client/user-authenticators')
        ? new Response(JSON.stringify(listed), { headers: { 'content-type': 'application/json' } })
        : original(input, init);
    try {
      const el = await manager(userId, 'PASSKEY');
      expect(parts(el, '[part=name]').map((n) => n.textContent)).to.deep.equal(['Google Password Manager', 'Passkey']);
      expect(parts(el, '[part=detail]').map((n) => n.textContent)).to.deep.equal([
        'Added Jan 5, 2026 · last used Nov 30, 2026 · On this device',
        'Added Feb 1, 2026',
      ]);
      expect(el.authenticators, 'a method the element does not know is left out').to.have.length(2);
      expect(parts(el, '[part=remove]')[0]!.getAttribute('aria-label')).to.equal(
        'Remove Google Password Manager, Added Jan 5, 2026',
      );
    } finally {
      window.fetch = original;
      localStorage.removeItem('as_user_passkey_map');
    }
  });

  it('adds a phone: the email code first, then the code texted to the new phone', async () => {
    const { userId, email } = await emailUser();
    const phone = `+6421${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const el = await manager(userId);
    const events = recordEvents(el, EVENTS);
    part(el, '[part=add][data-method=SMS]')!.click();
    await stepUpByEmail(el, email);
    await shown(el, '[part=contact]');
    expect(el.matches(':state(changing)')).to.equal(true);
    await expect(el).to.be.accessible();
    type(part(el, '[part=contact]')!, phone.replace(/^(\+64)(21)/, '$1 $2 '));
    part(el, '[part=send-code]')!.click();
    await shown(el, '[part=code]');
    await expect(el).to.be.accessible();
    type(part(el, '[part=code]')!, await latestCode(phone));
    part(el, '[part=verify]')!.click();
    await waitUntil(() => events.length, 'the change ends', { timeout: 5000 });
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-manager-change']);
    const added = (await backend.getAuthenticators(userId)).find(
      (a) => (a as { verificationMethod?: string }).verificationMethod === 'SMS',
    );
    expect(events[0]!.detail).to.deep.equal({
      kind: 'added',
      method: 'SMS',
      authenticatorId: added!.userAuthenticatorId,
    });
    expect(listed(el)).to.deep.equal(['EMAIL_OTP', 'SMS']);
    expect(text(el, '[part=status]')).to.equal('Text-message codes added.');
    // Two now: each can be removed.
    expect(parts(el, '[part=remove]')).to.have.length(2);
    expect(el.matches(':state(ready)')).to.equal(true);
  });

  it('sets up an authenticator app: a QR code and the key as text, then its code', async () => {
    const { userId, email } = await emailUser();
    const el = await manager(userId);
    const events = recordEvents(el, EVENTS);
    part(el, '[part=add][data-method=AUTHENTICATOR_APP]')!.click();
    await stepUpByEmail(el, email);
    await shown(el, '[part=qr]');
    const qr = part(el, '[part=qr]')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal(english.qrLabel);
    expect(qr.querySelector('path')!.getAttribute('d')).to.match(/^M\d+ \d+h1v1h-1z/);
    const secret = text(el, '[part=key]')!.replace(/\s/g, '');
    expect(secret).to.match(/^[A-Z2-7]{16,}$/);
    await expect(el).to.be.accessible();
    type(part(el, '[part=code]')!, await backend.totp(secret));
    part(el, '[part=verify]')!.click();
    await waitUntil(() => events.length, 'the change ends', { timeout: 5000 });
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-manager-change']);
    expect(listed(el)).to.deep.equal(['EMAIL_OTP', 'AUTHENTICATOR_APP']);
    // One app at a time: no second set-up offered.
    expect(part(el, '[part=add][data-method=AUTHENTICATOR_APP]')).to.equal(null);
  });

  it('adds the first email address without a step-up (nothing to confirm with yet)', async () => {
    const userId = uniqueUser('manager-new');
    const email = `${userId}@example.com`;
    const el = await manager(userId);
    expect(text(el, '[part=list]')).to.equal(english.empty);
    const events = recordEvents(el, EVENTS);
    part(el, '[part=add][data-method=EMAIL_OTP]')!.click();
    await shown(el, '[part=contact]');
    expect(stepUpOf(el)).to.equal(null);
    type(part(el, '[part=contact]')!, email);
    part(el, '[part=send-code]')!.click();
    await shown(el, '[part=code]');
    // A wrong code first: the step stays, with the error, and the field emptied.
    type(part(el, '[part=code]')!, '000000');
    part(el, '[part=verify]')!.click();
    await waitUntil(() => events.length, 'the wrong code is reported', { timeout: 5000 });
    expect(events.map((e) => [e.type, (e.detail as { code: string }).code])).to.deep.equal([
      ['passkey-manager-error', 'invalid-code'],
    ]);
    await elementUpdated(el);
    expect(text(el, '[part=error]')).to.equal(english.errors['invalid-code']);
    // One alert: the step's own (the element does not say it twice).
    expect(parts(el, '[role=alert]')).to.have.length(1);
    expect(part(el, '[part=code]')!.getAttribute('aria-invalid')).to.equal('true');
    // A new code for the same address: the old one no longer counts.
    const first = await latestCode(email);
    const sent = (await backend.outbox(email)).length;
    part(el, '[part=resend]')!.click();
    await waitUntil(async () => (await backend.outbox(email)).length > sent && part(el, '[part=code]'), 'resent');
    expect(await latestCode(email)).to.not.equal(first);
    type(part(el, '[part=code]')!, await latestCode(email));
    part(el, '[part=verify]')!.click();
    await waitUntil(() => events.length === 2, 'the change ends', { timeout: 5000 });
    expect(events[1]!.type).to.equal('passkey-manager-change');
    expect(listed(el)).to.deep.equal(['EMAIL_OTP']);
  });

  it('keeps an address the API cannot send to in its field, with the error, for the person to fix', async () => {
    const userId = uniqueUser('manager-new');
    const el = await manager(userId);
    const events = recordEvents(el, EVENTS);
    part(el, '[part=add][data-method=EMAIL_OTP]')!.click();
    await shown(el, '[part=contact]');
    type(part(el, '[part=contact]')!, 'not an address');
    part(el, '[part=send-code]')!.click();
    await waitUntil(() => events.length, 'refused', { timeout: 5000 });
    expect(events.map((e) => [e.type, (e.detail as { code: string }).code])).to.deep.equal([
      ['passkey-manager-error', 'invalid-contact'],
    ]);
    await elementUpdated(el);
    expect((part(el, '[part=contact]') as HTMLInputElement).value).to.equal('not an address');
    expect(part(el, '[part=contact]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '[part=error]')).to.equal(english.errors['invalid-contact']);
    await expect(el).to.be.accessible();
  });

  it('removes a phone after a confirmation and the step-up; cancelling changes nothing', async () => {
    const { userId, email } = await emailUser();
    const phone = `+6422${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await backend.enrollVerified(userId, { verificationMethod: 'SMS', phoneNumber: phone });
    const el = await manager(userId);
    expect(listed(el)).to.deep.equal(['EMAIL_OTP', 'SMS']);
    const events = recordEvents(el, EVENTS);
    const removeSms = () => parts(el, '[part=remove]')[1]!;
    expect(removeSms().getAttribute('aria-label')).to.equal(`Remove Text-message codes, ${phone}`);

    // Cancelled at the confirmation.
    removeSms().click();
    await shown(el, '[part=confirm-remove]');
    expect(text(el, '.prompt')).to.equal(`Remove Text-message codes? It will no longer confirm it’s you.`);
    await expect(el).to.be.accessible();
    part(el, '[part=cancel]')!.click();
    await waitUntil(() => events.length, 'cancelled');
    expect(events.map((e) => e.type)).to.deep.equal(['passkey-manager-cancel']);
    await elementUpdated(el);
    expect(el.shadowRoot!.activeElement, 'the focus goes back').to.not.equal(null);

    // Cancelled at the step-up: the bank never saw a token.
    removeSms().click();
    await shown(el, '[part=confirm-remove]');
    part(el, '[part=confirm-remove]')!.click();
    await waitUntil(() => inStepUp(el, 'send-code'), 'the step-up', { timeout: 5000 });
    await expect(el).to.be.accessible();
    part(el, '[part=cancel]')!.click();
    await waitUntil(() => events.length === 2, 'cancelled');
    expect((await backend.getAuthenticators(userId)).length).to.equal(2);

    // Made.
    removeSms().click();
    await shown(el, '[part=confirm-remove]');
    part(el, '[part=confirm-remove]')!.click();
    await stepUpByEmail(el, email);
    await waitUntil(() => events.length === 3, 'removed', { timeout: 5000 });
    expect(events[2]!.type).to.equal('passkey-manager-change');
    expect((events[2]!.detail as { kind: string }).kind).to.equal('removed');
    expect(listed(el)).to.deep.equal(['EMAIL_OTP']);
    expect(text(el, '[part=status]')).to.equal('Text-message codes removed.');
    expect((await backend.getAuthenticators(userId)).length).to.equal(1);
  });

  it('starts one change for a double click, and none while one is under way', async () => {
    const { userId } = await emailUser();
    const el = await manager(userId);
    const starts: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (String(input).endsWith('/changes')) starts.push(String(init?.body));
      return original(input, init);
    };
    try {
      const add = part(el, '[part=add][data-method=SMS]')!;
      add.click();
      add.click();
      await waitUntil(() => stepUpOf(el), 'the step-up', { timeout: 5000 });
      // Another add, while this one runs: nothing.
      expect(part(el, '[part=add]')).to.equal(null);
      expect(starts).to.have.length(1);
    } finally {
      window.fetch = original;
    }
  });

  it('fires nothing once taken off the page mid-change', async () => {
    const { userId, email } = await emailUser();
    const el = await manager(userId);
    const events = recordEvents(el, EVENTS);
    part(el, '[part=add][data-method=SMS]')!.click();
    await stepUpByEmail(el, email);
    await shown(el, '[part=contact]');
    type(part(el, '[part=contact]')!, '+64211234567');
    part(el, '[part=send-code]')!.click();
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).to.deep.equal([]);
  });

  it('names the host server’s refusals: the last one, another change under way, any other', async () => {
    const { userId } = await emailUser();
    const el = await manager(userId);
    const original = window.fetch;
    for (const [status, error, code] of [
      [409, 'last_authenticator', 'last-authenticator'],
      [409, 'change_in_progress', 'change-in-progress'],
      [403, 'verification_failed', 'change-refused'],
      [409, 'constructor', 'change-refused'],
      [503, 'misconfigured', 'server'],
      [429, 'too_many', 'rate-limited'],
    ] as const) {
      window.fetch = async (input, init) =>
        String(input).endsWith('/changes')
          ? new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json' } })
          : original(input, init);
      try {
        const failed = nextEvent<CustomEvent<{ code: string; message: string }>>(el, ['passkey-manager-error']);
        part(el, '[part=add][data-method=SMS]')!.click();
        const { detail } = await failed;
        expect(detail, error).to.deep.equal({ code, message: english.errors[code] });
        await elementUpdated(el);
        expect(text(el, '[part=error]')).to.equal(english.errors[code]);
        expect(el.matches(':state(error)')).to.equal(true);
      } finally {
        window.fetch = original;
      }
    }
  });

  it('reports a list it cannot read, and reads it again on refresh()', async () => {
    const { userId } = await emailUser();
    const el = await fixture<PasskeyManager>(
      html`<passkey-manager
        tenant-id=${info.tenantId}
        base-url=${info.url}
        token-url="/test-backend/enroll-token?status=500"
        changes-url="/test-backend/manager/${userId}/changes"
        methods="EMAIL_OTP"
      ></passkey-manager>`,
    );
    const { detail } = await nextEvent<CustomEvent<{ code: string }>>(el, ['passkey-manager-error']);
    expect(detail.code).to.equal('server');
    await elementUpdated(el);
    expect(el.authenticators).to.equal(undefined);
    expect(text(el, '[part=error]')).to.equal(english.errors.server);
    el.tokenUrl = `/test-backend/manager/${userId}/token`;
    await waitUntil(() => el.authenticators?.length === 1, 'read with the new token URL');
    await el.refresh();
    expect(listed(el)).to.deep.equal(['EMAIL_OTP']);
    // Another token URL may be another user's: the list goes at once, not when the new read ends.
    el.tokenUrl = '/test-backend/enroll-token?status=500';
    await elementUpdated(el);
    expect(el.authenticators).to.equal(undefined);
    expect(listed(el)).to.deep.equal([]);
  });

  for (const locale of SHIPPED_LOCALES) {
    it(`speaks ${locale} (its strings load on demand), axe-clean`, async () => {
      const { default: strings } = (await import(`../../src/locales/manager/${locale}.ts`)) as {
        default: PasskeyManagerStrings;
      };
      const { userId } = await emailUser();
      const el = await manager(userId, ALL, { lang: locale });
      await waitUntil(() => text(el, '[part=note]') === strings.lastOne, `${locale} strings`, { timeout: 5000 });
      expect(text(el, '[part=name]')).to.equal(strings.methodEmail);
      expect(text(el, '[part=add][data-method=SMS]')).to.equal(strings.addSms);
      expect(getComputedStyle(part(el, '.base')!).direction).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      await expect(el).to.be.accessible();
    });
  }

  it('has every string in every shipped language, none left in English', async () => {
    const leaves = (value: unknown, path = ''): [string, string][] =>
      typeof value === 'string'
        ? [[path, value]]
        : Object.entries(value as object).flatMap(([key, inner]) => leaves(inner, `${path}.${key}`));
    const reference = new Map(leaves(english));
    for (const locale of SHIPPED_LOCALES) {
      const { default: strings } = (await import(`../../src/locales/manager/${locale}.ts`)) as {
        default: PasskeyManagerStrings;
      };
      const own = new Map(leaves(strings));
      expect([...own.keys()].sort(), locale).to.deep.equal([...reference.keys()].sort());
      for (const [path, value] of own) {
        // "Passkey" is the word itself in several languages.
        if (path === '.passkey') continue;
        expect(value, `${locale}${path} is still English`).to.not.equal(reference.get(path));
      }
    }
  });
});
