import { elementUpdated, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Authsignal } from '@authsignal/browser';
import '../../src/step-up-challenge.js';
import type { StepUpChallenge, StepUpChallengeErrorEvent, StepUpChallengeSuccessEvent } from '../../src/index.js';
import type { StepUpMethodStrings } from '../../src/internal/strings.js';
import { registerTranslation } from '../../src/index.js';
import en from '../../src/locales/en.js';
import enMethods from '../../src/locales/methods/en.js';
import { backend, uniqueUser, type EmulatorInfo } from './support/backend.js';
import { nextEvent, recordEvents, STEP_UP_EVENTS } from './support/events.js';

const ACTION = 'high-value-transfer';
const ENDED = ['step-up-challenge-success', 'step-up-challenge-error', 'step-up-challenge-cancel'];
const SHIPPED = ['ar', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt-br', 'sv', 'zh-hans'];

// The step-up's code-based methods with the real SDK against the emulator. No WebAuthn is needed:
// Chromium and Firefox ESR both run these.
describe('<step-up-challenge> email, SMS and authenticator-app codes', () => {
  let info: EmulatorInfo;
  before(async () => {
    info = await backend.info();
  });
  afterEach(() => backend.resetClock());

  const part = (el: StepUpChallenge, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
  const parts = (el: StepUpChallenge, name: string) => [
    ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part="${name}"]`),
  ];
  const text = (el: StepUpChallenge, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();
  const field = (el: StepUpChallenge) => part(el, 'code') as HTMLInputElement;
  const shown = (el: StepUpChallenge, name: string) =>
    waitUntil(() => part(el, name), `the ${name} part is shown`, { timeout: 5000 });
  const latestCode = async (to: string) => (await backend.outbox(to))[0]!.code;
  const focused = (el: StepUpChallenge) => el.shadowRoot!.activeElement;

  /** A user whose email address the host verified (as the bank's sign-up does). */
  async function emailUser(label = 'email') {
    const userId = uniqueUser(label);
    const email = `${userId}@example.com`;
    await backend.enrollVerified(userId, { verificationMethod: 'EMAIL_OTP', email });
    return { userId, email };
  }

  async function stepUp(userId: string, methods: string, extra = '') {
    const track = await backend.track(userId, ACTION, { idempotencyKey: `tx-${userId}` });
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge
        tenant-id=${info.tenantId}
        base-url=${info.url}
        methods=${methods}
        lang=${extra || 'en'}
      ></step-up-challenge>`,
    );
    el.token = track.token;
    await shown(el, methods.startsWith('AUTHENTICATOR_APP') ? 'code' : 'send-code');
    return el;
  }

  /** Sends the code (the button) and waits for the code field. */
  async function send(el: StepUpChallenge) {
    part(el, 'send-code')!.click();
    await shown(el, 'code');
    await elementUpdated(el);
  }

  /** Types a code and submits it with the verify button; resolves with the event it ends in. */
  async function submit<T extends Event = StepUpChallengeErrorEvent>(el: StepUpChallenge, code: string): Promise<T> {
    field(el).value = code;
    const ended = nextEvent<T>(el, ENDED);
    part(el, 'verify-code')!.click();
    const event = await ended;
    await elementUpdated(el);
    return event;
  }

  it('email: nothing is sent until asked; a wrong code asks again; the right one gives a token that validates as EMAIL_OTP', async () => {
    const { userId, email } = await emailUser();
    const el = await stepUp(userId, 'EMAIL_OTP');
    expect(el.method).to.equal('EMAIL_OTP');
    expect(text(el, 'send-code')).to.equal('Email me a code');
    expect(await backend.outbox(email)).to.have.length(0, 'nothing sent before the person asks');
    expect(el.matches(':state(ready)')).to.equal(true);
    await expect(el).to.be.accessible();

    const events = recordEvents(el, STEP_UP_EVENTS);
    await send(el);
    expect(events.map((e) => e.type)).to.deep.equal(['step-up-challenge-start'], 'a send starts the attempt');
    expect(await backend.outbox(email)).to.have.length(1);
    expect(text(el, 'status')).to.equal('We emailed you a code.');
    expect(field(el).getAttribute('autocomplete')).to.equal('one-time-code');
    expect(field(el).getAttribute('inputmode')).to.equal('numeric');
    const label = el.shadowRoot!.querySelector(`label[for="${field(el).id}"]`)!;
    expect(label.textContent!.trim()).to.equal('Code from the email');
    expect(focused(el)).to.equal(field(el), 'the field takes the focus once the code is sent');
    await expect(el).to.be.accessible();

    const code = await latestCode(email);
    const wrong = await submit(el, code === '123456' ? '654321' : '123456');
    expect(wrong.detail).to.deep.equal({
      code: 'invalid-code',
      message: 'That code is wrong or has expired. Please try again.',
      method: 'EMAIL_OTP',
    });
    expect(field(el).value).to.equal('', 'the field is cleared');
    expect(focused(el)).to.equal(field(el), 'with the focus back in it');
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    expect(el.matches(':state(error)')).to.equal(true);
    await expect(el).to.be.accessible();

    const success = await submit<StepUpChallengeSuccessEvent>(el, code);
    expect(success.type).to.equal('step-up-challenge-success');
    expect(Object.keys(success.detail)).to.deep.equal(['token', 'method']);
    expect(success.detail.method).to.equal('EMAIL_OTP');
    expect(el.matches(':state(success)')).to.equal(true);
    expect(text(el, 'status')).to.equal('Confirmed.');
    expect(part(el, 'code')).to.equal(null);
    const validation = await backend.validate({ token: success.detail.token, userId, action: ACTION });
    expect(validation).to.include({ isValid: true, verificationMethod: 'EMAIL_OTP', idempotencyKey: `tx-${userId}` });
    // The code never reaches an attribute or an event.
    expect(el.outerHTML).not.to.include(code);
    expect(JSON.stringify(events.map((e) => e.detail))).not.to.include(code);
    await expect(el).to.be.accessible();
  });

  it('submits with Enter from the code field', async () => {
    const { userId, email } = await emailUser();
    const el = await stepUp(userId, 'EMAIL_OTP');
    await send(el);
    field(el).focus();
    await sendKeys({ type: await latestCode(email) });
    const ended = nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);
    await sendKeys({ press: 'Enter' });
    expect((await ended).detail.method).to.equal('EMAIL_OTP');
  });

  it('five wrong codes: too-many-attempts, the field goes and the other methods stay on offer', async () => {
    const { userId, email } = await emailUser();
    const el = await stepUp(userId, 'EMAIL_OTP SMS');
    await send(el);
    const code = await latestCode(email);
    const wrong = code === '111111' ? '222222' : '111111';
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await submit(el, wrong)).detail.code, `attempt ${attempt}`).to.equal('invalid-code');
    }
    const locked = await submit(el, wrong);
    expect(locked.detail).to.deep.equal({
      code: 'too-many-attempts',
      message: 'Too many wrong codes. Use another method, or try again later.',
      method: 'EMAIL_OTP',
    });
    expect(part(el, 'code')).to.equal(null);
    expect(part(el, 'resend')).to.equal(null);
    expect(text(el, 'error')).to.equal('Too many wrong codes. Use another method, or try again later.');
    expect(part(el, 'other-methods')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('"Send a new code" waits 30 seconds with a visible countdown, then sends a code that replaces the old one', async () => {
    const { userId, email } = await emailUser();
    const el = await stepUp(userId, 'EMAIL_OTP');
    await send(el);
    const resend = () => part(el, 'resend') as HTMLButtonElement;
    expect(resend().disabled).to.equal(true);
    expect(text(el, 'resend')).to.match(/^Send a new code in (30|29) s$/);
    const first = await latestCode(email);
    // The element reads the clock each second: move the page's clock past the wait.
    const realNow = Date.now;
    Date.now = () => realNow() + 31_000;
    try {
      await waitUntil(() => !resend().disabled, 'resend enabled after 30 s', { timeout: 3000 });
      expect(text(el, 'resend')).to.equal('Send a new code');
      resend().click();
      await waitUntil(async () => (await backend.outbox(email)).length === 2, 'a second code sent');
      await waitUntil(() => resend().disabled, 'disabled again after the new send');
    } finally {
      Date.now = realNow;
    }
    const second = await latestCode(email);
    if (second !== first) expect((await submit(el, first)).detail.code).to.equal('invalid-code');
    expect((await submit<StepUpChallengeSuccessEvent>(el, second)).type).to.equal('step-up-challenge-success');
  });

  it('SMS: "Text me a code", and a code read by WebOTP fills the field and verifies by itself; the token says SMS', async () => {
    const userId = uniqueUser('sms');
    const phoneNumber = `+6427${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await backend.enrollVerified(userId, { verificationMethod: 'SMS', phoneNumber });
    // WebOTP as a browser with a phone at hand would answer: the test hands over the SMS's code.
    let deliver: ((code: string) => void) | undefined;
    let otpSignal: AbortSignal | undefined;
    const credentials = navigator.credentials;
    const hadOtp = 'OTPCredential' in window;
    if (!hadOtp) Object.defineProperty(window, 'OTPCredential', { value: class {}, configurable: true });
    Object.defineProperty(credentials, 'get', {
      configurable: true,
      value: (options: CredentialRequestOptions & { otp?: unknown }) =>
        options.otp
          ? new Promise((resolve) => {
              otpSignal = options.signal ?? undefined;
              deliver = (code) => resolve({ type: 'otp', code });
            })
          : Promise.reject(new DOMException('not in this test', 'NotAllowedError')),
    });
    try {
      const el = await stepUp(userId, 'SMS');
      expect(text(el, 'send-code')).to.equal('Text me a code');
      await send(el);
      expect(text(el, 'status')).to.equal('We texted you a code.');
      await waitUntil(() => deliver, 'the element asks WebOTP for the code');
      const [sms] = await backend.outbox(phoneNumber);
      expect(sms!.text.split('\n').at(-1)).to.equal(`@${location.hostname} #${sms!.code}`);
      const ended = nextEvent<StepUpChallengeSuccessEvent>(el, ENDED);
      deliver!(sms!.code);
      const success = await ended;
      expect(success.detail.method).to.equal('SMS');
      expect(otpSignal?.aborted).to.equal(false);
      const validation = await backend.validate({ token: success.detail.token, userId, action: ACTION });
      expect(validation).to.include({ isValid: true, verificationMethod: 'SMS' });
    } finally {
      delete (credentials as unknown as Record<string, unknown>).get;
      if (!hadOtp) delete (window as unknown as Record<string, unknown>).OTPCredential;
    }
  });

  it('authenticator app: the code field alone; each attempt starts like a send; a wrong code, then the app’s code', async () => {
    const userId = uniqueUser('app');
    const add = await backend.track(userId, 'add-methods', { scope: 'add:authenticators' });
    const sdk = new Authsignal({ tenantId: info.tenantId, baseUrl: info.url });
    sdk.setToken(add.token);
    const { secret } = (await sdk.totp.enroll()).data!;
    sdk.setToken(add.token);
    expect((await sdk.totp.verify({ code: await backend.totp(secret) })).data?.isVerified).to.equal(true);

    const el = await stepUp(userId, 'AUTHENTICATOR_APP');
    expect(el.method).to.equal('AUTHENTICATOR_APP');
    expect(part(el, 'send-code')).to.equal(null);
    expect(part(el, 'resend')).to.equal(null);
    const label = el.shadowRoot!.querySelector(`label[for="${field(el).id}"]`)!;
    expect(label.textContent!.trim()).to.equal('Code from your authenticator app');
    await expect(el).to.be.accessible();
    const events = recordEvents(el, STEP_UP_EVENTS);
    // The enrollment used this step's code: the next step's is the one the app shows next.
    const next = await backend.totp(secret, 30);
    const wrong = await submit(el, next === '000000' ? '999999' : '000000');
    expect(wrong.detail.code).to.equal('invalid-code');
    const success = await submit<StepUpChallengeSuccessEvent>(el, next);
    expect(success.detail.method).to.equal('AUTHENTICATOR_APP');
    expect(events.map((e) => e.type)).to.deep.equal([
      'step-up-challenge-start',
      'step-up-challenge-error',
      'step-up-challenge-start',
      'step-up-challenge-success',
    ]);
    const validation = await backend.validate({ token: success.detail.token, userId, action: ACTION });
    expect(validation).to.include({ isValid: true, verificationMethod: 'AUTHENTICATOR_APP' });
  });

  it('a cancelled start sends nothing', async () => {
    const { userId, email } = await emailUser();
    const el = await stepUp(userId, 'EMAIL_OTP');
    el.addEventListener('step-up-challenge-start', (event) => event.preventDefault(), { once: true });
    part(el, 'send-code')!.click();
    await elementUpdated(el);
    expect(part(el, 'send-code')).not.to.equal(null);
    expect(await backend.outbox(email)).to.have.length(0);
  });

  it('switches methods from a keyboard-usable list, and back', async () => {
    const { userId } = await emailUser();
    const el = await stepUp(userId, 'EMAIL_OTP SMS AUTHENTICATOR_APP');
    expect(text(el, 'other-methods')).to.equal('Use another method');
    // One polite live region across methods and the list, so that what it says next is announced.
    const status = part(el, 'status');
    expect(parts(el, 'status')).to.have.length(1);
    part(el, 'other-methods')!.focus();
    await sendKeys({ press: 'Enter' });
    await shown(el, 'method-option');
    const options = parts(el, 'method-option');
    expect(options.map((o) => o.textContent!.trim())).to.deep.equal(['Code by text message', 'Authenticator app']);
    expect(options.every((o) => o.localName === 'button')).to.equal(true);
    expect(focused(el)).to.equal(options[0], 'the list takes the focus');
    await expect(el).to.be.accessible();

    // Back: the method in use stays, and the focus returns to the control that opened the list.
    part(el, 'back')!.click();
    await shown(el, 'other-methods');
    await elementUpdated(el);
    expect(el.method).to.equal('EMAIL_OTP');
    expect(focused(el)).to.equal(part(el, 'other-methods'));

    part(el, 'other-methods')!.click();
    await shown(el, 'method-option');
    await elementUpdated(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.method === 'AUTHENTICATOR_APP', 'the second option chosen by keyboard');
    await elementUpdated(el);
    expect(focused(el)).to.equal(field(el), 'the new method’s field takes the focus');

    part(el, 'other-methods')!.click();
    await shown(el, 'method-option');
    expect(parts(el, 'method-option').map((o) => o.dataset.method)).to.deep.equal(['EMAIL_OTP', 'SMS']);
    parts(el, 'method-option')[0]!.click();
    await shown(el, 'send-code');
    expect(el.method).to.equal('EMAIL_OTP');
    expect(parts(el, 'status')).to.deep.equal([status], 'the same status region throughout');
  });

  it('ignores unknown method names with one warning; no usable name shows no-method', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const errors = recordEvents(document, ['step-up-challenge-error']);
      const el = await fixture<StepUpChallenge>(
        html`<step-up-challenge tenant-id=${info.tenantId} methods="WHATSAPP PUSH"></step-up-challenge>`,
      );
      await waitUntil(() => errors.length === 1, 'the no-method error');
      expect(errors[0]!.detail).to.deep.equal({
        code: 'no-method',
        message: 'There is no way to confirm it’s you on this page. Please contact support.',
        method: null,
      });
      await elementUpdated(el);
      expect(text(el, 'error')).to.equal('There is no way to confirm it’s you on this page. Please contact support.');
      expect(el.method).to.equal(undefined);
      expect(el.matches(':state(error)')).to.equal(true);
      expect(part(el, 'button')).to.equal(null);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('WHATSAPP, PUSH');
      await expect(el).to.be.accessible();

      // A passkey with unknown names beside it: a passkey-only element, as before (one warning more).
      const passkey = await fixture<StepUpChallenge>(
        html`<step-up-challenge tenant-id=${info.tenantId} methods="PASSKEY FIDO"></step-up-challenge>`,
      );
      await waitUntil(() => warnings.length === 2, 'the second warning');
      await elementUpdated(passkey);
      expect(passkey.method).to.equal('PASSKEY');
      expect(part(passkey, 'other-methods')).to.equal(null);
      expect(errors).to.have.length(1);
      // An empty list: no-method too.
      passkey.methods = [];
      await waitUntil(() => errors.length === 2, 'no-method for an empty list');
    } finally {
      console.warn = warn;
    }
  });

  it('refuses to send without a token (action mode has none): configuration', async () => {
    const { email } = await emailUser();
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${info.tenantId} base-url=${info.url} methods="EMAIL_OTP" action="signIn">
      </step-up-challenge>`,
    );
    await shown(el, 'send-code');
    const ended = nextEvent<StepUpChallengeErrorEvent>(el, ENDED);
    part(el, 'send-code')!.click();
    expect((await ended).detail).to.include({ code: 'configuration', method: 'EMAIL_OTP' });
    expect(await backend.outbox(email)).to.have.length(0);
  });

  it('reports rate-limited when the API refuses more sends', async () => {
    const { userId } = await emailUser();
    const el = await stepUp(userId, 'EMAIL_OTP');
    // Authsignal's limit: 12 emails per 10 minutes. Spend them with the SDK.
    const sdk = new Authsignal({ tenantId: info.tenantId, baseUrl: info.url });
    for (let i = 0; i < 12; i++) {
      sdk.setToken(el.token!);
      expect((await sdk.email.challenge()).errorCode, `send ${i + 1}`).to.equal(undefined);
    }
    const ended = nextEvent<StepUpChallengeErrorEvent>(el, ENDED);
    part(el, 'send-code')!.click();
    expect((await ended).detail).to.deep.equal({
      code: 'rate-limited',
      message: 'Too many attempts. Please wait a minute and try again.',
      method: 'EMAIL_OTP',
    });
    await elementUpdated(el);
    expect(part(el, 'send-code')).not.to.equal(null, 'the send can be tried again');
  });

  it('two elements for two users on one page never cross (the SDK keeps one token for the page)', async () => {
    const a = await emailUser('a');
    const b = await emailUser('b');
    const elA = await stepUp(a.userId, 'EMAIL_OTP');
    const elB = await stepUp(b.userId, 'EMAIL_OTP');
    // Both send in the same moment, then both verify in the same moment.
    part(elA, 'send-code')!.click();
    part(elB, 'send-code')!.click();
    await Promise.all([shown(elA, 'code'), shown(elB, 'code')]);
    const [codeA, codeB] = await Promise.all([latestCode(a.email), latestCode(b.email)]);
    const [okA, okB] = await Promise.all([
      submit<StepUpChallengeSuccessEvent>(elA, codeA),
      submit<StepUpChallengeSuccessEvent>(elB, codeB),
    ]);
    expect(okA.type).to.equal('step-up-challenge-success');
    expect(okB.type).to.equal('step-up-challenge-success');
    expect(await backend.validate({ token: okA.detail.token, action: ACTION })).to.include({ userId: a.userId });
    expect(await backend.validate({ token: okB.detail.token, action: ACTION })).to.include({ userId: b.userId });
  });

  it('in a modal: the send button takes the focus, and success closes the dialog', async () => {
    const { userId, email } = await emailUser();
    const track = await backend.track(userId, ACTION);
    const el = await fixture<StepUpChallenge>(
      html`<step-up-challenge tenant-id=${info.tenantId} base-url=${info.url} methods="EMAIL_OTP" modal>
      </step-up-challenge>`,
    );
    el.token = track.token;
    el.open = true;
    await shown(el, 'send-code');
    await elementUpdated(el);
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    await send(el);
    await expect(el).to.be.accessible();
    await submit(el, await latestCode(email));
    await elementUpdated(el);
    expect(el.open).to.equal(false);
  });

  it('speaks every shipped language, right to left in Arabic', async () => {
    const { userId } = await emailUser();
    for (const lang of SHIPPED) {
      const strings = ((await import(`../../src/locales/methods/${lang}.ts`)) as { default: StepUpMethodStrings })
        .default;
      const el = await stepUp(userId, 'EMAIL_OTP SMS', lang);
      await waitUntil(() => text(el, 'send-code') === strings.sendEmail, `${lang}: the send button translated`);
      expect(text(el, 'other-methods')).to.equal(strings.otherMethods);
      if (lang === 'ar') {
        expect(part(el, 'base')!.matches(':dir(rtl)')).to.equal(true);
      }
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('takes method strings from a registered translation, English without them, and the strings property over both', async () => {
    const { userId } = await emailUser();
    registerTranslation('x-pirate', {
      ...en,
      stepUpMethods: { ...enMethods, sendEmail: 'Send me a bottle', otherMethods: 'Another course' },
    });
    registerTranslation('x-plain', en);
    const pirate = await stepUp(userId, 'EMAIL_OTP SMS', 'x-pirate');
    await waitUntil(() => text(pirate, 'send-code') === 'Send me a bottle', 'the registered strings');
    expect(text(pirate, 'other-methods')).to.equal('Another course');
    const plain = await stepUp(userId, 'EMAIL_OTP', 'x-plain');
    expect(text(plain, 'send-code')).to.equal('Email me a code');
    await nextFrame();
    expect(
      performance.getEntriesByType('resource').filter((e) => /methods\/x-plain/.test(e.name)),
      'no request for a language the package does not ship',
    ).to.have.length(0);
    plain.strings = { sendEmail: 'Mail the code', errors: { 'invalid-code': 'Not that one.' } };
    await waitUntil(() => text(plain, 'send-code') === 'Mail the code', 'the strings property wins');
  });

  it('ships the method strings in 12 languages, each translating every string, with the countdown placeholder', async () => {
    const keys = (strings: StepUpMethodStrings) => [
      ...Object.keys(strings).filter((k) => k !== 'errors'),
      ...Object.keys(strings.errors).map((k) => `errors.${k}`),
    ];
    const value = (strings: StepUpMethodStrings, key: string) =>
      key.startsWith('errors.')
        ? strings.errors[key.slice(7) as keyof StepUpMethodStrings['errors']]
        : (strings[key as keyof StepUpMethodStrings] as string);
    expect(keys(enMethods)).to.have.length(19 + 3);
    // Where the language's own word for a passkey is "Passkey", as English's.
    const sameWord = new Set(['de.methodPasskey', 'it.methodPasskey', 'nl.methodPasskey', 'sv.methodPasskey']);
    for (const lang of SHIPPED) {
      const strings = ((await import(`../../src/locales/methods/${lang}.ts`)) as { default: StepUpMethodStrings })
        .default;
      expect(keys(strings), lang).to.deep.equal(keys(enMethods));
      for (const key of keys(strings)) {
        const text = value(strings, key);
        expect(text.trim(), `${lang}.${key}`).not.to.equal('');
        if (!sameWord.has(`${lang}.${key}`)) {
          expect(text, `${lang}.${key} is still English`).not.to.equal(value(enMethods, key));
        }
      }
      expect(strings.resendIn, lang).to.include('{seconds}');
    }
  });
});
