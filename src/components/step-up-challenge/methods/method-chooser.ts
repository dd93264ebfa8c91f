import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CeremonyController, CeremonyState } from '../../../controllers/ceremony-controller.js';
import type { LocalizeController } from '../../../controllers/localize-controller.js';
import type { StepUpChallengeSuccessDetail } from '../../../events/step-up-challenge-success.js';
import { loadMethodLocale } from '../../../i18n/method-locale-loader.js';
import type { ShippedLocale } from '../../../i18n/locale-codes.js';
import type { CeremonyParts } from '../../../internal/ceremony-view.js';
import type { StepUpErrorCode } from '../../../internal/error-codes.js';
import type { PasskeyTranslation, StepUpChallengeStrings, StepUpMethodStrings } from '../../../internal/strings.js';
import type { CodeMethod, VerificationMethod } from '../../../internal/verification-method.js';
import en from '../../../locales/methods/en.js';
import type * as Ceremonies from '../../../sdk/passkey-ceremonies.js';
import { passkeyOnDevice, sendCode, verifyCode } from './code-ceremonies.js';
import { codeView } from './code-view.js';
import { adoptMethodStyles, fallbackStyles } from './method-styles.js';
import { WebOtpReader } from './web-otp-reader.js';

/*
 * This module loads on demand (src/internal/methods-loader.ts), after the element's first paint,
 * and only where `methods` names more than a passkey. It shares no module with the elements but
 * types: everything it needs of the element comes in `MethodHooks`. In the CDN builds it is a file
 * of its own whose `html` is a shim (see vite.config.ts), so it must render with plain bindings
 * (no directives) and read nothing from Lit at run time but `html` and `nothing`.
 */

/** Every string the step-up shows with its other methods. */
export type MethodsText = StepUpChallengeStrings & StepUpMethodStrings & { errors: Record<StepUpErrorCode, string> };

type State = CeremonyState<StepUpChallengeSuccessDetail, StepUpErrorCode>;
type StepOutcome = Ceremonies.Outcome<StepUpChallengeSuccessDetail | undefined>;

/** The element as the chooser reads it. */
export interface MethodsHost extends ReactiveControllerHost, HTMLElement {
  readonly methods: readonly string[];
  readonly token: string | undefined;
  readonly tenantId: string;
  readonly baseUrl: string;
  readonly userId: string;
  readonly disabled: boolean;
  readonly modal: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  start(): void;
}

/**
 * What the element hands the chooser, in this order (a tuple: its names would cost every page's
 * bundle bytes): its ceremony, its language, the languages shipped with the package (their method
 * strings are files of their own), its `#run` (runs one step and fires its events), and the SDK
 * module's loader.
 */
export type MethodHooks = readonly [
  ceremony: CeremonyController<StepUpChallengeSuccessDetail, StepUpErrorCode>,
  localize: LocalizeController,
  shipped: readonly string[],
  run: (
    work: () => Promise<StepOutcome>,
    method: VerificationMethod | null,
    start: boolean,
  ) => Promise<State | undefined>,
  load: () => Promise<typeof Ceremonies>,
];

const KNOWN: readonly string[] = ['PASSKEY', 'EMAIL_OTP', 'SMS', 'AUTHENTICATOR_APP'];
const NAMES = {
  PASSKEY: 'methodPasskey',
  EMAIL_OTP: 'methodEmail',
  SMS: 'methodSms',
  AUTHENTICATOR_APP: 'methodApp',
} as const;
/** How long "Send a new code" waits after each send. */
const RESEND_AFTER_MS = 30_000;

/** Shipped languages' method strings, by lower-case code, once loaded; and the loads under way. */
const shippedStrings: Record<string, StepUpMethodStrings> = Object.create(null);
const loading: Record<string, Promise<void>> = Object.create(null);

/**
 * The step-up's other methods: which ones this page can use, the switch between them, and the
 * email, SMS and authenticator-app views. The element keeps the passkey ceremony, the events and
 * the state machine; the chooser decides what is shown and runs the code steps through the
 * element's `run`, so every method ends in the same states and events.
 */
export class MethodChooser implements ReactiveController {
  /** The method in use; undefined when no usable method is listed. */
  method?: VerificationMethod;
  #usable: VerificationMethod[] = [];
  /** The host's `methods` the usable list was made from, and the token the view started with. */
  #seenMethods?: readonly string[];
  #seenToken?: string;
  /** The SDK said this device holds none of the user's passkeys (for `#checkedUser`): open on another method. */
  #noPasskeyHere = false;
  #checkedUser?: string;
  /** Showing the list of the other methods. */
  #listing = false;
  #sent = false;
  #pending: 'send' | 'verify' = 'send';
  #resendAt = 0;
  #timer?: ReturnType<typeof setTimeout>;
  /** What to focus after the next update, after a person's action moved the view. */
  #focus?: string;
  #askedLocales = new Set<string>();
  readonly #otp = new WebOtpReader();
  /** The styles are the shadow root's (adopted), not an inline `<style>` a strict CSP refuses. */
  readonly #adopted: boolean;
  readonly #host: MethodsHost;
  readonly #hooks: {
    ceremony: MethodHooks[0];
    localize: MethodHooks[1];
    shipped: MethodHooks[2];
    /** Whether WebAuthn works here. */
    passkeys: boolean;
    run: MethodHooks[3];
    load: MethodHooks[4];
  };

  constructor(host: MethodsHost, [ceremony, localize, shipped, run, load]: MethodHooks) {
    this.#host = host;
    // The ceremony's own test, before the chooser replaces it: WebAuthn matters to passkeys only.
    const passkeys = ceremony.available();
    this.#hooks = { ceremony, localize, shipped, passkeys, run, load };
    ceremony.available = () => this.method !== 'PASSKEY' || passkeys;
    this.#adopted = adoptMethodStyles(host.renderRoot as ShadowRoot);
    host.addController(this);
    host.requestUpdate();
  }

  hostConnected(): void {
    this.#tick();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#otp.stop();
  }

  hostUpdate(): void {
    const { methods, token } = this.#host;
    if (methods !== this.#seenMethods) {
      this.#seenMethods = methods;
      // (The attribute's spaces at either end leave empty names: not worth a warning.)
      const unknown = methods.filter((name) => name && !KNOWN.includes(name));
      if (unknown.length) {
        console.warn(
          `<step-up-challenge>: ignoring unknown methods ${unknown.join(', ')} (known: ${KNOWN.join(', ')})`,
        );
      }
      this.#refresh(true);
    }
    // A new token starts afresh, on the first usable method, and looks at this device again (a
    // passkey may have been added here since).
    if (token !== this.#seenToken && !this.#hooks.ceremony.busy) {
      this.#seenToken = token;
      this.#checkedUser = undefined;
      this.#noPasskeyHere = false;
      this.#refresh(true);
    }
  }

  hostUpdated(): void {
    if (this.#focus) {
      this.#host.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus();
      this.#focus = undefined;
    }
    this.#checkDevice();
  }

  /** The defaults of every string for the element's language (the element applies `strings` on top). */
  defaults(translation: PasskeyTranslation): MethodsText {
    const methods = translation.stepUpMethods ?? this.#shipped(this.#hooks.localize.locale);
    const base = translation.stepUpChallenge;
    return { ...methods, ...base, errors: { ...methods.errors, ...base.errors } };
  }

  /** The element's `start()`: true when the chooser handled it (a code method sends its code). */
  start(): boolean {
    if (this.method === 'EMAIL_OTP' || this.method === 'SMS') void this.#send();
    return this.method !== 'PASSKEY';
  }

  /** The element's passkey step ended in `code`: true when the person was moved to another method instead. */
  skipped(code: StepUpErrorCode): boolean {
    if (code !== 'no-passkey' || this.method !== 'PASSKEY' || this.#usable.length < 2) return false;
    this.#passkeyMissing();
    this.#focus = this.#primary();
    return true;
  }

  /**
   * Renders the method in use, as parts of the element's own template (the one a passkey-only
   * element renders): `passkey` is the passkey's, the button kept as it is (perhaps focused, or
   * mid-prompt) when the chooser arrives. The way to the other methods follows the error.
   */
  render(text: MethodsText, passkey: CeremonyParts): CeremonyParts {
    const { ceremony } = this.#hooks;
    const state = ceremony.state;
    const method = this.method;
    const disabled = this.#host.disabled;
    let view: CeremonyParts;
    if (!method) {
      view = {
        button: nothing,
        status: '',
        error:
          state.status === 'error'
            ? html`<p part="error" class="error" role="alert">${text.errors[state.code]}</p>`
            : nothing,
      };
    } else if (this.#listing) {
      view = {
        button: html`<div part="methods" class="methods" role="group" aria-labelledby="choose">
          <p class="choose" id="choose">${text.chooseMethod}</p>
          ${this.#usable
            .filter((other) => other !== method)
            .map(
              (other) =>
                html`<button
                  part="method-option"
                  class="button option"
                  type="button"
                  data-method=${other}
                  ?disabled=${disabled}
                  @click=${() => this.#choose(other)}
                >
                  ${text[NAMES[other]]}
                </button>`,
            )}
          <button part="back" class="link" type="button" @click=${() => this.#showList(false)}>${text.back}</button>
        </div>`,
        status: '',
        error: nothing,
      };
    } else if (method === 'PASSKEY') {
      view = passkey;
    } else {
      view = codeView({
        method,
        text,
        state,
        sent: this.#sent,
        pending: this.#pending,
        wait: this.#wait(),
        disabled,
        autofocus: this.#host.modal,
        onSend: () => this.#host.start(),
        onVerify: (event) => this.#verify(event),
      });
    }
    const switcher =
      this.#usable.length > 1 && !this.#listing && state.status !== 'success'
        ? html`<button
            part="other-methods"
            class="link"
            type="button"
            ?disabled=${disabled}
            aria-disabled=${ceremony.busy ? 'true' : nothing}
            @click=${() => this.#showList(true)}
          >
            ${text.otherMethods}
          </button>`
        : nothing;
    return { ...view, error: [view.error, switcher, fallbackStyles(this.#adopted)] };
  }

  /** Recomputes the usable methods; moves to the first one when the one in use is gone (or `reset`). */
  #refresh(reset = false): void {
    const listed = [...new Set(this.#host.methods)].filter((name): name is VerificationMethod => KNOWN.includes(name));
    // Where WebAuthn cannot work, a passkey is dropped when something else is listed: alone, it
    // shows why (unsupported), as it always did.
    this.#usable = listed.length > 1 && !this.#hooks.passkeys ? listed.filter((name) => name !== 'PASSKEY') : listed;
    if (reset || !this.method || !this.#usable.includes(this.method)) this.#to(this.#first());
  }

  /**
   * The method to open on: the first usable one, but not a passkey this device has none of (the
   * SDK's record can miss a synced passkey, so the passkey stays on offer among the others).
   */
  #first(): VerificationMethod | undefined {
    return this.#usable.find((name) => name !== 'PASSKEY' || !this.#noPasskeyHere) ?? this.#usable[0];
  }

  /** No passkey of the user's here: on to the next method, if the passkey is the one in use. */
  #passkeyMissing(): void {
    this.#noPasskeyHere = true;
    if (this.method === 'PASSKEY') this.#to(this.#first());
  }

  /** Switches to `method` (or to none: the `no-method` error), from a fresh start. */
  #to(method: VerificationMethod | undefined): void {
    // A passkey prompt opened before the chooser arrived (a quick click) is this method's own: it
    // goes on, and its answer counts.
    const running = this.#hooks.ceremony.busy && method === 'PASSKEY' && (this.method ?? 'PASSKEY') === 'PASSKEY';
    this.method = method;
    if (running) return;
    this.#listing = false;
    this.#clear();
    this.#hooks.ceremony.reset();
    if (!method) void this.#hooks.run(async () => ({ code: 'no-method' }), null, false);
  }

  /** Forgets a sent code and its countdown. */
  #clear(): void {
    this.#sent = false;
    this.#resendAt = 0;
    clearTimeout(this.#timer);
    this.#otp.stop();
  }

  #choose(method: VerificationMethod): void {
    if (this.#hooks.ceremony.busy) return;
    this.#to(method);
    this.#focus = this.#primary();
  }

  #showList(open: boolean): void {
    if (this.#hooks.ceremony.busy) return;
    this.#listing = open;
    this.#focus = open ? '[part=method-option]' : '[part=other-methods]';
    this.#host.requestUpdate();
  }

  /** The control a method starts from. */
  #primary(): string {
    return this.method === 'PASSKEY'
      ? '[part=button]'
      : this.method === 'AUTHENTICATOR_APP'
        ? '[part=code]'
        : '[part=send-code]';
  }

  get #config() {
    return { tenantId: this.#host.tenantId, baseUrl: this.#host.baseUrl || undefined };
  }

  async #send(): Promise<void> {
    const method = this.method as 'EMAIL_OTP' | 'SMS';
    const token = this.#host.token;
    const resend = this.#sent;
    this.#pending = 'send';
    const state = await this.#hooks.run(
      async () =>
        token && this.#host.tenantId
          ? sendCode(await this.#hooks.load(), this.#config, { token, method })
          : { code: 'configuration' },
      method,
      true,
    );
    if (state?.status !== 'ready' || state.cancelled || this.method !== method) return;
    this.#sent = true;
    this.#resendAt = Date.now() + RESEND_AFTER_MS;
    this.#tick();
    this.#focus = '[part=code]';
    // A new code replaces the old one: whatever the field holds is no use any more.
    const field = this.#codeField();
    if (resend && field) field.value = '';
    if (method === 'SMS') this.#otp.start((code) => this.#fill(code));
    // The step's own update may have rendered already: show the field (and the wait) now.
    this.#host.requestUpdate();
  }

  /** A code WebOTP read from the text message: into the field, and checked at once. */
  #fill(code: string): void {
    const field = this.#codeField();
    if (!field || this.method !== 'SMS' || this.#hooks.ceremony.busy) return;
    field.value = code;
    void this.#verify();
  }

  async #verify(event?: Event): Promise<void> {
    event?.preventDefault();
    const method = this.method as CodeMethod;
    const field = this.#codeField();
    const token = this.#host.token;
    if (!field || this.#hooks.ceremony.busy || this.#host.disabled) return;
    // Spaces and dashes people copy along with a code are not part of it.
    const code = field.value.replace(/[\s-]/g, '');
    if (!code) return field.focus();
    this.#pending = 'verify';
    // An authenticator-app code is the attempt itself: it starts like a send does.
    const state = await this.#hooks.run(
      async () =>
        !/^\d{6,8}$/.test(code)
          ? { code: 'invalid-code' }
          : token && this.#host.tenantId
            ? verifyCode(await this.#hooks.load(), this.#config, { token, method, code })
            : { code: 'configuration' },
      method,
      method === 'AUTHENTICATOR_APP',
    );
    if (state?.status === 'success') return this.#clear();
    if (state?.status === 'error' && state.code === 'invalid-code' && this.method === method) {
      // Wrong or old: the field stays, emptied, with the focus back in it.
      field.value = '';
      this.#focus = '[part=code]';
      this.#host.requestUpdate();
    }
  }

  #codeField(): HTMLInputElement | null {
    return this.#host.renderRoot.querySelector<HTMLInputElement>('[part=code]');
  }

  /** The seconds before another code may be sent, in the element's language; empty once it may. */
  #wait(): string {
    const left = Math.ceil((this.#resendAt - Date.now()) / 1000);
    return left > 0 ? new Intl.NumberFormat(this.#hooks.localize.locale).format(left) : '';
  }

  /** Re-renders each second of the countdown. */
  #tick(): void {
    clearTimeout(this.#timer);
    const left = this.#resendAt - Date.now();
    if (left > 0) {
      this.#timer = setTimeout(
        () => {
          this.#host.requestUpdate();
          this.#tick();
        },
        left % 1000 || 1000,
      );
    }
  }

  /**
   * With `user-id` and a token, and a passkey first among other methods: asks the SDK whether this
   * device holds one of the user's passkeys, and skips to the next method when it does not. (The
   * token makes a ceremony near: the SDK is loading anyway.)
   */
  #checkDevice(): void {
    const { userId, token } = this.#host;
    if (!userId || !token || userId === this.#checkedUser || this.#usable[0] !== 'PASSKEY' || this.#usable.length < 2) {
      return;
    }
    this.#checkedUser = userId;
    this.#noPasskeyHere = false;
    this.#hooks
      .load()
      .then((sdk) => passkeyOnDevice(sdk, this.#config, userId))
      .then(
        (onDevice) => {
          if (onDevice || this.#host.userId !== userId || this.#hooks.ceremony.busy) return;
          // The focus was on the passkey button (a dialog's autofocus): it follows to the new method.
          const focused = !!(this.#host.renderRoot as ShadowRoot).activeElement;
          this.#passkeyMissing();
          if (focused) this.#focus = this.#primary();
          this.#host.requestUpdate();
        },
        () => undefined,
      );
  }

  /** A shipped language's method strings, loaded on first use; English meanwhile and otherwise. */
  #shipped(locale: string): StepUpMethodStrings {
    if (locale === 'en' || !this.#hooks.shipped.includes(locale)) return en;
    if (shippedStrings[locale]) return shippedStrings[locale];
    if (!this.#askedLocales.has(locale)) {
      this.#askedLocales.add(locale);
      (loading[locale] ??= loadMethodLocale(locale as ShippedLocale).then(
        (module) => void (shippedStrings[locale] = module.default),
        () => console.warn(`passkey-elements: could not load locales/methods/${locale}.js`),
      )).then(() => this.#host.requestUpdate());
    }
    return en;
  }
}
