import { html, nothing } from 'lit';
import { DefaultedElement } from '../../internal/defaulted-element.js';
import { CeremonyController } from '../../controllers/ceremony-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { StepUpChallengeCancelEvent } from '../../events/step-up-challenge-cancel.js';
import { StepUpChallengeErrorEvent } from '../../events/step-up-challenge-error.js';
import { StepUpChallengeStartEvent } from '../../events/step-up-challenge-start.js';
import {
  StepUpChallengeSuccessEvent,
  type StepUpChallengeSuccessDetail,
} from '../../events/step-up-challenge-success.js';
import { ceremonyParts, type CeremonyParts } from '../../internal/ceremony-view.js';
import type { Outcome, StepUpErrorCode } from '../../internal/error-codes.js';
import { loadMethods } from '../../internal/methods-loader.js';
import { loadDialog } from '../../internal/dialog-loader.js';
import { loadCeremonies, preloadCeremonies, preloadOnIntent } from '../../internal/sdk-loader.js';
import {
  mergeStrings,
  type PartialStrings,
  type StepUpChallengeStrings,
  type StepUpMethodStrings,
} from '../../internal/strings.js';
import type { VerificationMethod } from '../../internal/verification-method.js';
import { SHIPPED_LOCALES } from '../../i18n/locale-codes.js';
import type { MethodChooser } from './methods/method-chooser.js';
import type { StepUpDialog } from './dialog/step-up-dialog.js';
import { webAuthnSupported } from '../../internal/webauthn-support.js';
import { sharedStyles } from '../../styles/shared.styles.js';

/**
 * Asks the person to prove it is them before a sensitive action, and hands your page a token that
 * your server validates and binds to that one action: with a passkey (`@authsignal/browser`'s
 * `passkey.signIn`) or, with `methods`, an email code, an SMS code or an authenticator app.
 *
 * @summary Step-up before a sensitive action: a passkey, or a code.
 * @tag step-up-challenge
 *
 * @slot description - What is being confirmed, e.g. "Confirm the transfer of $7,500 to Bob".
 * @attribute lang - The language of the element's text (BCP 47). Unset: the nearest ancestor's, the document's, then the browser's. 12 are shipped; `registerTranslation()` adds more.
 * @attribute dir - `rtl` or `ltr`. Unset: the nearest ancestor's `dir`, unless a nearer `lang` brings its own direction (`ar` is right to left).
 * @slot - Content of the passkey button (default: "Confirm with passkey").
 *
 * @event {StepUpChallengeStartEvent} step-up-challenge-start - Before an attempt starts: a passkey prompt, a code sent (email, SMS), an authenticator-app code checked. Cancelable: `preventDefault()` stops it.
 * @event {StepUpChallengeSuccessEvent} step-up-challenge-success - The person was verified. `detail: { token: string; method: VerificationMethod }`; send `token` to your backend.
 * @event {StepUpChallengeCancelEvent} step-up-challenge-cancel - The user dismissed the passkey prompt, closed the dialog or pressed Escape.
 * @event {StepUpChallengeErrorEvent} step-up-challenge-error - The step-up failed. `detail: { code: StepUpErrorCode; message: string; method: VerificationMethod | null }`, `code` one of `unsupported`, `configuration`, `no-passkey`, `expired-token`, `network`, `rate-limited`, `server`, `unknown`, and with codes `invalid-code`, `too-many-attempts`, `no-method` (`method` null).
 *
 * @csspart base - The wrapper around the content.
 * @csspart dialog - The native `<dialog>` (modal mode).
 * @csspart title - The dialog's heading (modal mode).
 * @csspart description - The wrapper of the `description` slot.
 * @csspart button - The `<button>` that starts the passkey ceremony.
 * @csspart close-button - The dialog's cancel button (modal mode).
 * @csspart status - The polite live region with the current status.
 * @csspart error - The error message.
 * @csspart other-methods - "Use another method": opens the list of the other usable methods.
 * @csspart methods - The list of the other methods.
 * @csspart method-option - One method in that list (a button; its `data-method` is the method's name).
 * @csspart back - Leaves the list for the method in use.
 * @csspart send-code - "Email me a code" / "Text me a code".
 * @csspart code-form - The form around the code field and its button.
 * @csspart code-label - The code field's visible label.
 * @csspart code - The code field (`autocomplete="one-time-code"`, `inputmode="numeric"`).
 * @csspart verify-code - Submits the code (Enter in the field does too).
 * @csspart resend - "Send a new code": disabled, with the seconds left, for 30 s after each send.
 *
 * @cssproperty [--passkey-color-scheme=light dark] - `light` or `dark` pins the scheme; by default it follows `prefers-color-scheme`.
 * @cssproperty [--passkey-color-primary=#1d4ed8] - Button background, and link text (dark scheme: #93c5fd).
 * @cssproperty [--passkey-color-on-primary=#fff] - Button text (dark scheme: #0b1220).
 * @cssproperty [--passkey-color-text=inherit] - Text color (in the dialog: #111827, dark scheme #f3f4f6).
 * @cssproperty [--passkey-color-muted=#4b5563] - Status text, the code field's border (dark scheme: #cbd5e1).
 * @cssproperty [--passkey-color-success=#15803d] - Success text (dark scheme: #86efac).
 * @cssproperty [--passkey-color-danger=#b91c1c] - Error text, a wrong code's border (dark scheme: #fca5a5).
 * @cssproperty [--passkey-color-surface=#fff] - Dialog and code field background (dark scheme: #111827).
 * @cssproperty [--passkey-color-backdrop=rgb(15 23 42 / 0.6)] - Backdrop behind the dialog.
 * @cssproperty [--passkey-radius=0.5rem] - Corner radius.
 * @cssproperty [--passkey-spacing=0.75rem] - Base spacing unit.
 * @cssproperty [--passkey-font-family=inherit] - Font family.
 * @cssproperty [--passkey-font-size=1rem] - Font size.
 * @cssproperty [--passkey-focus-ring=0 0 0 3px #93c5fd] - Box shadow of focused buttons and the code field (dark scheme: #1d4ed8 ring; forced colors: a system-color outline).
 *
 * @cssstate ready - Waiting for the person (a click, a code).
 * @cssstate working - A passkey ceremony, a send or a check is in progress.
 * @cssstate success - The person was verified.
 * @cssstate error - The last attempt failed; the element offers to try again.
 * @cssstate unsupported - The method in use is a passkey and this browser or page cannot use passkeys.
 */
export class StepUpChallenge extends DefaultedElement {
  static override styles = sharedStyles;
  // Declared without decorators: the decorator helpers would cost bytes in every bundle.
  // `value`: the default, read until one is set and restored by removing the attribute (see
  // defaulted-element.ts). `methods` keeps a field: each element its own array.
  static override properties = {
    tenantId: { attribute: 'tenant-id', value: '' },
    baseUrl: { attribute: 'base-url', value: '' },
    action: { value: '' },
    userId: { attribute: 'user-id', value: '' },
    autostart: { type: Boolean, reflect: true, value: false },
    modal: { type: Boolean, reflect: true, value: false },
    open: { type: Boolean, reflect: true, value: false },
    disabled: { type: Boolean, reflect: true, value: false },
    methods: { converter: (value: string | null) => value?.split(/\s+/) ?? ['PASSKEY'], useDefault: true },
    strings: { attribute: false },
    blankSlot: { state: true },
  };

  /** Your Authsignal tenant id. Required. */
  declare tenantId: string;

  /** Authsignal API base URL, including `/v1`. Defaults to Authsignal's (`https://api.authsignal.com/v1`). */
  declare baseUrl: string;

  /**
   * Action mode: the action code for the SDK's `signIn({ action })`, with a discoverable passkey
   * and no token. Ignored when a `token` is set.
   */
  declare action: string;

  /**
   * The user's id. When set, the element first checks (`isAvailableOnDevice`) that this browser
   * holds a passkey of that user, and reports `no-passkey` instead of opening a prompt that cannot succeed.
   */
  declare userId: string;

  /**
   * Start as soon as a token is set (and, in modal mode, the dialog is open) where the browser
   * allows a passkey prompt without a click; elsewhere (Safari, iOS) the button waits for one.
   */
  declare autostart: boolean;

  /**
   * Render in a native modal `<dialog>`, shown while `open` is set. The dialog's code is a file of
   * its own, loaded after the first update: until it arrives the element renders nothing (and
   * `updateComplete` waits for it).
   */
  declare modal: boolean;

  /** Modal mode: shows the dialog. Escape and the cancel button close it and fire `step-up-challenge-cancel`. */
  declare open: boolean;

  /** Disables the button. */
  declare disabled: boolean;

  /**
   * The methods the person may use, in order of preference, by Authsignal's names: `PASSKEY`,
   * `EMAIL_OTP`, `SMS`, `AUTHENTICATOR_APP` (pass what your backend's `track()` answered in
   * `allowedVerificationMethods`). The attribute takes them space-separated. The element opens on
   * the first usable one: with another method listed, `PASSKEY` is dropped where WebAuthn cannot
   * work, and, with `user-id`, not opened on where this device holds none of the user's passkeys
   * (it stays on offer among the other methods). Unknown names
   * are ignored (with a console warning); no usable name shows the `no-method` error.
   */
  methods: string[] = ['PASSKEY'];

  /**
   * Overrides for any visible string, in every language; missing keys keep the translation's.
   * The language comes from `lang` (the element's, else the nearest ancestor's, else the browser's).
   */
  strings?: PartialStrings<StepUpChallengeStrings> & PartialStrings<StepUpMethodStrings>;

  /**
   * The method in use (read-only): `PASSKEY` while a passkey button shows, else the code method;
   * undefined while the other methods load, or when none can be used.
   */
  get method(): VerificationMethod | undefined {
    return this.#chooser ? this.#chooser.method : this.methods[0] == 'PASSKEY' ? 'PASSKEY' : undefined;
  }

  #ceremony = new CeremonyController<StepUpChallengeSuccessDetail, StepUpErrorCode>(this);
  /** The other methods' views, loaded once `methods` names more than a passkey. */
  #chooser?: MethodChooser;
  #chooserLoad?: Promise<unknown>;
  #localize = new LocalizeController(this);
  /** The modal dialog, loaded once `modal` is set; its load, which never rejects. */
  #dialog?: StepUpDialog;
  #dialogLoad?: Promise<unknown>;
  /** @internal Whether the host put nothing but whitespace in the button (see ceremony-view.ts). */
  blankSlot?: boolean;
  #autostarted?: string;
  #token?: string;

  /**
   * The token from your backend's `track` call (state `CHALLENGE_REQUIRED`). A property only: never
   * read from or written to an attribute, never rendered, never logged. Setting one starts afresh.
   */
  get token(): string | undefined {
    return this.#token;
  }

  set token(value: string | undefined) {
    this.#token = value || undefined;
    if (!this.#ceremony.busy) this.#ceremony.reset();
    this.requestUpdate();
    // A token makes a ceremony likely: fetch the SDK now rather than on the click.
    if (this.#token) preloadCeremonies();
  }

  constructor() {
    super();
    preloadOnIntent(this);
  }

  /** Starts the step-up, as a click on the button does (for a code method: sends the code). */
  start(): void {
    if (this.disabled || this.#ceremony.busy || this.#chooser?.start()) return;
    if (this.#chooser || this.methods[0] == 'PASSKEY') void this.#run(() => this.#signIn());
    else {
      // The other methods' views failed to load: the retry button tries again.
      this.#chooserLoad = undefined;
      this.#ceremony.reset();
    }
  }

  /** Returns to the ready state. */
  reset(): void {
    this.#ceremony.reset();
  }

  /**
   * `updateComplete` of a modal also waits for its dialog's code, and the update that renders it
   * (documented under `modal`).
   * @internal
   */
  protected override getUpdateComplete(): Promise<boolean> {
    // Not an async method: an inline element's promise stays Lit's own, with no extra turns.
    return this.modal ? this.#dialogComplete() : super.getUpdateComplete();
  }

  async #dialogComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    return (await this.#dialogLoad, this.#dialog) ? super.getUpdateComplete() : done;
  }

  protected override updated(): void {
    if (this.modal) this.#loadDialog();
    // An open dialog or autostart makes a ceremony likely: fetch the SDK now.
    if (this.open || this.autostart) preloadCeremonies();
    // After this update, not inside it: starting dispatches an event to the host.
    if (this.autostart) queueMicrotask(() => this.#maybeAutostart());
    if (this.methods + '' != 'PASSKEY') this.#loadChooser();
  }

  /**
   * The dialog's code, after the first update. A failed download closes an open dialog and reports
   * `network`; the element's next update downloads it again.
   */
  #loadDialog(): void {
    this.#dialogLoad ??= loadDialog().then(
      ({ StepUpDialog }) =>
        (this.#dialog ??= new StepUpDialog(this, [
          this.#ceremony,
          () => (this.#autostarted = undefined),
          () => this.dispatchEvent(new StepUpChallengeCancelEvent()),
        ])),
      () => {
        this.#dialogLoad = undefined;
        if (this.open) {
          this.open = false;
          void this.#run(async () => ({ code: 'network' }), null, false);
        }
      },
    );
  }

  /** After the first paint, never before: a passkey-only page never loads the other methods. */
  #loadChooser(): void {
    if (this.#chooserLoad) return;
    this.#chooserLoad = loadMethods().then(
      ({ MethodChooser }) =>
        (this.#chooser = new MethodChooser(this, [
          this.#ceremony,
          this.#localize,
          SHIPPED_LOCALES,
          this.#run.bind(this),
          loadCeremonies,
        ])),
      // A passkey-first element keeps working without them.
      () => {
        if (this.methods[0] != 'PASSKEY') void this.#run(async () => ({ code: 'network' }), null, false);
      },
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#autostarted = undefined;
  }

  /**
   * Starts without a click when asked to, once per token (or action), where the browser allows it:
   * the SDK's file knows (a prompt needs it anyway), and this runs again once it is here.
   */
  #maybeAutostart(canPrompt?: () => boolean): void {
    const key = this.#token ?? this.action;
    if (!this.autostart || !key || this.#autostarted === key || !this.isConnected || this.method != 'PASSKEY') return;
    if (this.modal && !(this.open && this.#dialog)) return;
    if (this.#ceremony.state.status !== 'ready') return;
    if (!canPrompt)
      return void loadCeremonies().then(
        ({ canPromptWithoutGesture }) => this.#maybeAutostart(canPromptWithoutGesture),
        () => {},
      );
    if (!canPrompt()) return;
    this.#autostarted = key;
    this.start();
  }

  get #text() {
    const translation = this.#localize.resolve();
    return mergeStrings(
      this.#chooser?.defaults(translation) ?? translation.stepUpChallenge,
      this.strings as PartialStrings<StepUpChallengeStrings>,
    ) as StepUpChallengeStrings & StepUpMethodStrings & { errors: Record<StepUpErrorCode, string> };
  }

  /**
   * Runs one step of a method (a passkey ceremony, a code sent, a code checked) and fires what its
   * end means: `start` first (when `start`), then success, error or cancel. A step that ends with
   * no result (a code sent) fires nothing.
   */
  async #run(
    work: () => Promise<Outcome<StepUpChallengeSuccessDetail | undefined>>,
    method: VerificationMethod | null = 'PASSKEY',
    start = true,
  ) {
    // An element off the page starts nothing and fires nothing (a late download failure included);
    // one that leaves during a step is the ceremony's to ignore (see ceremony-controller.ts).
    if (!this.isConnected || (start && !this.dispatchEvent(new StepUpChallengeStartEvent()))) return;
    const state = await this.#ceremony.run(work);
    if (state?.status === 'success') {
      this.dispatchEvent(new StepUpChallengeSuccessEvent(state.result));
      if (this.modal) this.open = false;
    } else if (state?.status === 'error') {
      // No passkey here, and another method listed: the person lands on it instead.
      if (this.#chooser?.skipped(state.code)) return;
      this.dispatchEvent(
        new StepUpChallengeErrorEvent({ code: state.code, message: this.#text.errors[state.code], method }),
      );
    } else if ((state as { cancelled?: boolean } | undefined)?.cancelled) {
      this.dispatchEvent(new StepUpChallengeCancelEvent());
    }
    return state;
  }

  async #signIn(): Promise<Outcome<StepUpChallengeSuccessDetail>> {
    const token = this.#token;
    const action = this.action;
    if (!webAuthnSupported()) return { code: 'unsupported' };
    if (!this.tenantId || (!token && !action)) return { code: 'configuration' };
    const { verifyPasskey } = await loadCeremonies();
    // The token is always passed explicitly: the SDK's token cache is shared by the whole page.
    return verifyPasskey(
      { tenantId: this.tenantId, baseUrl: this.baseUrl || undefined },
      { token, action, userId: this.userId || undefined },
    );
  }

  protected override render() {
    const text = this.#text;
    const state = this.#ceremony.state;
    const working = state.status === 'working';
    const { locale, ownDir } = this.#localize;
    const start = () => this.start();
    const dialog = this.modal ? this.#dialog : undefined;
    // Until its code arrives, a modal shows nothing (as a closed dialog would), here and on the server.
    if (this.modal && !dialog) return nothing;
    const passkey = ceremonyParts(this, state, text, start);
    // The other methods render into the same template. Until they arrive, an element that opens on
    // a passkey shows its button; one that opens on a code shows nothing yet (or why it cannot).
    const view =
      this.#chooser?.render(text, passkey) ??
      (this.methods[0] == 'PASSKEY' || state.status == 'error' ? passkey : ({ status: '' } as CeremonyParts));
    const base = html`<div
      part="base"
      class="base"
      lang=${locale}
      dir=${ownDir ?? nothing}
      aria-busy=${working || nothing}
    >
      <div part="description" class="description" id="description"><slot name="description"></slot></div>
      ${view.button}
      <p part="status" class="status" role="status">${view.status}</p>
      ${view.error}
    </div>`;
    return dialog ? dialog.render(base, text, locale, ownDir) : base;
  }
}
