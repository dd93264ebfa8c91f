import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import {
  registerTranslation,
  type PasskeyEnroll,
  type PasskeySignIn,
  type PasskeyTranslation,
  type StepUpChallenge,
} from '../../src/index.js';
import { SHIPPED_LOCALES } from '../../src/i18n/locale-codes.js';
import { loadLocale } from '../../src/i18n/locale-loader.js';
import en from '../../src/locales/en.js';
import enSignIn from '../../src/locales/sign-in/en.js';
import { buttonLabel } from './support/dom.js';
import { nextEvent } from './support/events.js';

// Languages, fallbacks, overrides and direction: Chromium and Firefox ESR.
describe('languages', () => {
  const shadow = (el: Element) => el.shadowRoot!;
  const button = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[part="button"]')!;
  const label = (el: Element) => buttonLabel(button(el));
  const base = (el: Element) => shadow(el).querySelector<HTMLElement>('[part="base"]')!;
  /** The direction the element's content is laid out in. */
  const direction = (el: Element) => getComputedStyle(base(el)).direction;
  const errorText = (el: Element) => shadow(el).querySelector('[part="error"]')?.textContent?.trim();
  const translations = new Map<string, PasskeyTranslation>();

  /** Pretends the browser's language list is `languages` (restored after each test). */
  function browserLanguages(languages: string[]): void {
    Object.defineProperty(navigator, 'languages', { get: () => languages, configurable: true });
    dispatchEvent(new Event('languagechange'));
  }

  /** Waits until the element shows the button label (a translation may still be loading). */
  const untilLabel = (el: Element, text: string) =>
    waitUntil(() => button(el) && label(el) === text, `label "${text}", got "${button(el) && label(el)}"`);

  before(async () => {
    for (const locale of SHIPPED_LOCALES) translations.set(locale, (await loadLocale(locale)).default);
    // Deterministic: whatever language the test browser runs in.
    browserLanguages(['en-US']);
  });
  afterEach(() => {
    document.documentElement.removeAttribute('dir');
    document.documentElement.lang = 'en';
    browserLanguages(['en-US']);
  });
  after(() => {
    // Drops the own property: the browser's own list is back.
    delete (navigator as { languages?: unknown }).languages;
  });

  it('ships 12 languages, each translating every string (nothing left in English)', () => {
    expect(['en', ...SHIPPED_LOCALES].sort()).to.deep.equal(
      ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt-br', 'sv', 'zh-hans'].sort(),
    );
    const leaves = (value: unknown, path = ''): [string, string][] =>
      typeof value === 'string'
        ? [[path, value]]
        : Object.entries(value as object).flatMap(([key, inner]) => leaves(inner, `${path}.${key}`));
    // English sign-in strings come with the sign-in element; every other language ships them in its file.
    const english = new Map(leaves({ ...en, passkeySignIn: enSignIn }));
    expect(english.size).to.equal(1 + 15 + 17 + 15, 'dir, 6+9 enroll, 8+9 step-up, 6+9 sign-in strings');
    for (const [locale, translation] of translations) {
      const strings = new Map(leaves(translation));
      expect([...strings.keys()], locale).to.deep.equal([...english.keys()]);
      expect(translation.dir, locale).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      for (const [path, text] of strings) {
        if (path === '.dir') continue;
        expect(text.trim(), `${locale}${path}`).not.to.equal('');
        expect(text, `${locale}${path} is still English`).not.to.equal(english.get(path));
      }
    }
  });

  for (const locale of SHIPPED_LOCALES) {
    it(`renders ${locale}: labels, error message and event detail, axe-clean`, async () => {
      const t = translations.get(locale)!;
      // No tenant id: the click ends in a configuration error without any request.
      const enroll = await fixture<PasskeyEnroll>(html`<passkey-enroll lang=${locale}></passkey-enroll>`);
      await untilLabel(enroll, t.passkeyEnroll.button);
      expect(base(enroll).lang).to.equal(locale, 'the content says which language it is in');
      expect(direction(enroll)).to.equal(t.dir);
      button(enroll).click();
      const error = await nextEvent<CustomEvent<{ code: string; message: string }>>(enroll, ['passkey-enroll-error']);
      expect(error.detail).to.deep.equal({ code: 'configuration', message: t.passkeyEnroll.errors.configuration });
      await elementUpdated(enroll);
      expect(errorText(enroll)).to.equal(t.passkeyEnroll.errors.configuration);
      expect(label(enroll)).to.equal(t.passkeyEnroll.retry);
      await expect(enroll).to.be.accessible();

      const stepUp = await fixture<StepUpChallenge>(
        html`<step-up-challenge lang=${locale} modal open><span slot="description">…</span></step-up-challenge>`,
      );
      await untilLabel(stepUp, t.stepUpChallenge.button);
      await expect(stepUp).to.be.accessible();
      const dialog = shadow(stepUp).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(shadow(stepUp).querySelector('[part="title"]')!.textContent!.trim()).to.equal(t.stepUpChallenge.title);
      expect(shadow(stepUp).querySelector('[part="close-button"]')!.textContent!.trim()).to.equal(
        t.stepUpChallenge.close,
      );
      button(stepUp).click();
      const stepUpError = await nextEvent<CustomEvent<{ message: string }>>(stepUp, ['step-up-challenge-error']);
      expect(stepUpError.detail.message).to.equal(t.stepUpChallenge.errors.configuration);
      await elementUpdated(stepUp);
      expect(errorText(stepUp)).to.equal(t.stepUpChallenge.errors.configuration);
      await expect(stepUp).to.be.accessible();
      dialog.close();

      const signIn = await fixture<PasskeySignIn>(
        html`<passkey-sign-in lang=${locale} autofill
          ><label>${t.passkeySignIn!.button} <input name="username" autocomplete="username" /></label
        ></passkey-sign-in>`,
      );
      await untilLabel(signIn, t.passkeySignIn!.button);
      expect(direction(signIn)).to.equal(t.dir);
      button(signIn).click();
      const signInError = await nextEvent<CustomEvent<{ message: string }>>(signIn, ['passkey-sign-in-error']);
      expect(signInError.detail.message).to.equal(t.passkeySignIn!.errors.configuration);
      await elementUpdated(signIn);
      expect(errorText(signIn)).to.equal(t.passkeySignIn!.errors.configuration);
      expect(label(signIn)).to.equal(t.passkeySignIn!.retry);
      await expect(signIn).to.be.accessible();
    });
  }

  it('shows the unsupported notice in the element’s language', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true, writable: true });
    try {
      for (const locale of ['de', 'ja', 'ar'] as const) {
        const el = await fixture<PasskeyEnroll>(html`<passkey-enroll lang=${locale}></passkey-enroll>`);
        const notice = () => shadow(el).querySelector('[part="status"]')!.textContent!.trim();
        await waitUntil(() => notice() === translations.get(locale)!.passkeyEnroll.unsupported, locale);
      }
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', original);
    }
  });

  it('falls back by region, script and alias: de-AT, pt-PT, zh-CN; not zh-TW', async () => {
    const cases: [string, string][] = [
      ['de-AT', translations.get('de')!.passkeyEnroll.button],
      ['DE-ch', translations.get('de')!.passkeyEnroll.button],
      ['pt-PT', translations.get('pt-br')!.passkeyEnroll.button],
      ['pt', translations.get('pt-br')!.passkeyEnroll.button],
      ['zh-CN', translations.get('zh-hans')!.passkeyEnroll.button],
      ['zh-Hans-SG', translations.get('zh-hans')!.passkeyEnroll.button],
      ['zh', translations.get('zh-hans')!.passkeyEnroll.button],
      // Traditional Chinese is not shipped: no Simplified text for it, the next choice instead.
      ['zh-TW', en.passkeyEnroll.button],
      ['zh-Hant', en.passkeyEnroll.button],
      ['en-GB', en.passkeyEnroll.button],
      ['tlh', en.passkeyEnroll.button],
      // Not keys of some object's prototype.
      ['constructor', en.passkeyEnroll.button],
      ['__proto__', en.passkeyEnroll.button],
    ];
    for (const [tag, expected] of cases) {
      const el = await fixture<PasskeyEnroll>(html`<passkey-enroll lang=${tag}></passkey-enroll>`);
      await untilLabel(el, expected);
    }
  });

  it('takes the language from the element, else the nearest ancestor, else the document, else the browser', async () => {
    const t = (locale: string) => translations.get(locale)!.passkeyEnroll.button;
    document.documentElement.lang = 'fr';
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="es">
        <section><passkey-enroll id="inherits"></passkey-enroll></section>
        <passkey-enroll id="own" lang="it"></passkey-enroll>
      </div>
      <passkey-enroll id="document"></passkey-enroll>
    `);
    // fixture() returns the first element; the others are its siblings.
    const root = wrapper.parentElement!;
    await untilLabel(root.querySelector('#own')!, t('it'));
    await untilLabel(root.querySelector('#inherits')!, t('es'));
    await untilLabel(root.querySelector('#document')!, t('fr'));

    document.documentElement.removeAttribute('lang');
    browserLanguages(['tlh', 'nl-BE', 'en']);
    await untilLabel(root.querySelector('#document')!, t('nl'));
    browserLanguages(['tlh']);
    await untilLabel(root.querySelector('#document')!, en.passkeyEnroll.button);
  });

  it('lang="" (unknown) skips the page’s language for the browser’s', async () => {
    browserLanguages(['sv-FI', 'en']);
    const el = await fixture<PasskeyEnroll>(html`<div lang="fr"><passkey-enroll lang=""></passkey-enroll></div>`);
    await untilLabel(el.querySelector('passkey-enroll')!, translations.get('sv')!.passkeyEnroll.button);
  });

  it('reaches through shadow roots for the nearest lang', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="sv"></div>`);
    const inner = host.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p><passkey-enroll></passkey-enroll></p>';
    const el = inner.querySelector('passkey-enroll')!;
    await untilLabel(el, translations.get('sv')!.passkeyEnroll.button);
    // A change on an element inside a shadow root is seen too.
    el.setAttribute('lang', 'pl');
    await untilLabel(el, translations.get('pl')!.passkeyEnroll.button);
  });

  it('re-renders when lang changes at run time: on the element, an ancestor, the document', async () => {
    const t = (locale: string) => translations.get(locale)!;
    document.documentElement.lang = 'de';
    const wrapper = await fixture<HTMLElement>(
      html`<div><step-up-challenge></step-up-challenge><passkey-enroll></passkey-enroll></div>`,
    );
    const stepUp = wrapper.querySelector('step-up-challenge')!;
    const enroll = wrapper.querySelector('passkey-enroll')!;
    await untilLabel(stepUp, t('de').stepUpChallenge.button);
    await untilLabel(enroll, t('de').passkeyEnroll.button);

    document.documentElement.lang = 'ja';
    await untilLabel(stepUp, t('ja').stepUpChallenge.button);
    await untilLabel(enroll, t('ja').passkeyEnroll.button);

    wrapper.lang = 'es';
    await untilLabel(stepUp, t('es').stepUpChallenge.button);

    enroll.lang = 'ar';
    await untilLabel(enroll, t('ar').passkeyEnroll.button);
    expect(direction(enroll)).to.equal('rtl');
    enroll.removeAttribute('lang');
    await untilLabel(enroll, t('es').passkeyEnroll.button);
    expect(direction(enroll)).to.equal('ltr');
  });

  it('elements rendered in one task beside others speak their own place’s language, and follow a change made in it', async () => {
    // Siblings share what one of them resolved (a page of many): per parent, and never past a change.
    const t = (locale: string) => translations.get(locale)!.passkeyEnroll.button;
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <div lang="de" id="a"></div>
        <div lang="fr" id="b"></div>
      </div>`,
    );
    const a = wrapper.querySelector<HTMLElement>('#a')!;
    const b = wrapper.querySelector<HTMLElement>('#b')!;
    const make = (n: number) => Array.from({ length: n }, () => document.createElement('passkey-enroll'));
    const [first, ...rest] = make(3);
    a.append(first!, ...rest);
    b.append(...make(2));
    await Promise.all(
      [...wrapper.querySelectorAll('passkey-enroll')].map((el) => (el as PasskeyEnroll).updateComplete),
    );
    // In the same task as those renders: the language changes, and more elements arrive beside them.
    a.lang = 'it';
    a.append(...make(2));
    for (const el of a.querySelectorAll('passkey-enroll')) await untilLabel(el, t('it'));
    for (const el of b.querySelectorAll('passkey-enroll')) await untilLabel(el, t('fr'));
    expect(a.querySelectorAll('passkey-enroll').length).to.equal(5);
  });

  it('keeps an error message in the new language after lang changes', async () => {
    const el = await fixture<PasskeyEnroll>(html`<passkey-enroll lang="fr"></passkey-enroll>`);
    await untilLabel(el, translations.get('fr')!.passkeyEnroll.button);
    button(el).click();
    await nextEvent(el, ['passkey-enroll-error']);
    el.lang = 'nl';
    await waitUntil(() => errorText(el) === translations.get('nl')!.passkeyEnroll.errors.configuration);
    expect(label(el)).to.equal(translations.get('nl')!.passkeyEnroll.retry);
  });

  describe('overrides', () => {
    it('a partial `strings` wins in every language; every other string keeps the translation', async () => {
      const de = translations.get('de')!.passkeyEnroll;
      const el = await fixture<PasskeyEnroll>(html`<passkey-enroll lang="de"></passkey-enroll>`);
      el.strings = { button: 'Mit Fingerabdruck anmelden', errors: { configuration: 'Bitte den Support anrufen.' } };
      await untilLabel(el, 'Mit Fingerabdruck anmelden');
      button(el).click();
      const error = await nextEvent<CustomEvent<{ message: string }>>(el, ['passkey-enroll-error']);
      expect(error.detail.message).to.equal('Bitte den Support anrufen.');
      await elementUpdated(el);
      expect(label(el)).to.equal(de.retry, 'the key not overridden stays German');
      el.lang = 'fr';
      await waitUntil(() => label(el) === translations.get('fr')!.passkeyEnroll.retry);
      expect(errorText(el)).to.equal('Bitte den Support anrufen.', 'an override is not per language');
      el.strings = undefined;
      await waitUntil(() => errorText(el) === translations.get('fr')!.passkeyEnroll.errors.configuration);
    });

    it('<passkey-sign-in>: a translation without its strings falls back to English; with them, uses them', async () => {
      registerTranslation('eo', { dir: 'ltr', passkeyEnroll: en.passkeyEnroll, stepUpChallenge: en.stepUpChallenge });
      const el = await fixture<PasskeySignIn>(html`<passkey-sign-in lang="eo"></passkey-sign-in>`);
      await untilLabel(el, enSignIn.button);
      registerTranslation('eo', {
        dir: 'ltr',
        passkeyEnroll: en.passkeyEnroll,
        stepUpChallenge: en.stepUpChallenge,
        passkeySignIn: { ...enSignIn, button: 'Ensaluti per ŝlosilo' },
      });
      await untilLabel(el, 'Ensaluti per ŝlosilo');
      el.strings = { button: 'Continue with a passkey' };
      await untilLabel(el, 'Continue with a passkey');
    });

    it('registerTranslation adds a language, replaces a shipped one, and elements switch at once', async () => {
      const ko: PasskeyTranslation = {
        dir: 'ltr',
        passkeyEnroll: { ...en.passkeyEnroll, button: '패스키 만들기' },
        stepUpChallenge: { ...en.stepUpChallenge, button: '패스키로 확인' },
      };
      const el = await fixture<PasskeyEnroll>(html`<passkey-enroll lang="ko-KR"></passkey-enroll>`);
      await untilLabel(el, en.passkeyEnroll.button);
      registerTranslation('ko', ko);
      await untilLabel(el, '패스키 만들기');

      const italian = translations.get('it')!;
      el.lang = 'it';
      await untilLabel(el, italian.passkeyEnroll.button);
      registerTranslation('it', {
        ...italian,
        passkeyEnroll: { ...italian.passkeyEnroll, button: 'Crea la tua passkey' },
      });
      await untilLabel(el, 'Crea la tua passkey');
      registerTranslation('it', italian);
      await untilLabel(el, italian.passkeyEnroll.button);

      const he: PasskeyTranslation = { ...ko, dir: 'rtl' };
      registerTranslation('he', he);
      el.lang = 'he';
      await waitUntil(() => direction(el) === 'rtl', 'a registered rtl language mirrors');
    });
  });

  describe('right to left', () => {
    /** Where the button sits inside a 24rem-wide element. */
    async function buttonSide(el: HTMLElement): Promise<'start-left' | 'start-right'> {
      el.style.display = 'block';
      el.style.width = '24rem';
      await elementUpdated(el);
      const outer = base(el).getBoundingClientRect();
      const inner = button(el).getBoundingClientRect();
      expect(inner.width).to.be.lessThan(outer.width - 20, 'the button does not fill the width');
      if (Math.abs(inner.left - outer.left) < 1) return 'start-left';
      expect(Math.abs(inner.right - outer.right)).to.be.lessThan(1);
      return 'start-right';
    }

    it('ar mirrors the layout', async () => {
      const el = await fixture<PasskeyEnroll>(html`<passkey-enroll lang="ar"></passkey-enroll>`);
      await untilLabel(el, translations.get('ar')!.passkeyEnroll.button);
      expect(base(el).dir).to.equal('rtl', 'an Arabic element on a left-to-right page sets its own dir');
      expect(direction(el)).to.equal('rtl');
      expect(await buttonSide(el)).to.equal('start-right');
      // The icon comes first in reading order, so it sits on the right half of the button.
      const icon = shadow(el).querySelector('svg')!.getBoundingClientRect();
      const box = button(el).getBoundingClientRect();
      expect(icon.left + icon.width / 2).to.be.greaterThan(box.left + box.width / 2);
      await expect(el).to.be.accessible();

      const signIn = await fixture<PasskeySignIn>(html`<passkey-sign-in lang="ar"></passkey-sign-in>`);
      await untilLabel(signIn, translations.get('ar')!.passkeySignIn!.button);
      expect(direction(signIn)).to.equal('rtl');
      expect(await buttonSide(signIn)).to.equal('start-right');

      const ltr = await fixture<PasskeyEnroll>(html`<passkey-enroll lang="en"></passkey-enroll>`);
      expect(await buttonSide(ltr)).to.equal('start-left');
    });

    it('dir="rtl" on an ancestor mirrors any language; a nearer lang brings its own direction', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div dir="rtl">
          <passkey-enroll id="inherits"></passkey-enroll>
          <div lang="en"><passkey-enroll id="english"></passkey-enroll></div>
          <passkey-enroll id="own" dir="ltr" lang="ar"></passkey-enroll>
        </div>`,
      );
      const inherits = wrapper.querySelector<HTMLElement>('#inherits')!;
      const english = wrapper.querySelector<HTMLElement>('#english')!;
      const own = wrapper.querySelector<HTMLElement>('#own')!;
      await elementUpdated(inherits);
      expect(direction(inherits)).to.equal('rtl');
      expect(base(inherits).dir).to.equal('', 'inherited: no dir attribute of its own');
      expect(await buttonSide(inherits)).to.equal('start-right');
      expect(direction(english)).to.equal('ltr', 'lang="en" nearer than dir="rtl"');
      await untilLabel(own, translations.get('ar')!.passkeyEnroll.button);
      expect(direction(own)).to.equal('ltr', 'an explicit dir on the element wins');
      wrapper.dir = 'ltr';
      await waitUntil(() => direction(inherits) === 'ltr', 'a dir change re-renders');
      await waitUntil(() => direction(english) === 'ltr');
    });

    it('the step-up dialog mirrors too', async () => {
      const el = await fixture<StepUpChallenge>(html`<step-up-challenge lang="ar" modal open></step-up-challenge>`);
      await untilLabel(el, translations.get('ar')!.stepUpChallenge.button);
      expect(getComputedStyle(shadow(el).querySelector('[part="title"]')!).direction).to.equal('rtl');
      expect(getComputedStyle(shadow(el).querySelector('[part="close-button"]')!).direction).to.equal('rtl');
      await expect(el).to.be.accessible();
      shadow(el).querySelector('dialog')!.close();
    });
  });
});
