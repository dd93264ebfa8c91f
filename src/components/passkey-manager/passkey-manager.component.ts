import { html, nothing, type PropertyValues } from 'lit';
import { DefaultedElement } from '../../internal/defaulted-element.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { requestToken } from '../../internal/request-token.js';
import { PasskeyManagerCancelEvent } from '../../events/passkey-manager-cancel.js';
import { PasskeyManagerChangeEvent } from '../../events/passkey-manager-change.js';
import { PasskeyManagerErrorEvent } from '../../events/passkey-manager-error.js';
import { loadManagerLocale } from '../../i18n/manager-locale-loader.js';
import { SHIPPED_LOCALES, type ShippedLocale } from '../../i18n/locale-codes.js';
import { setCustomState } from '../../internal/custom-states.js';
import { PasskeyElementError, type ManagerErrorCode } from '../../internal/error-codes.js';
import { loadCeremonies, onDemand, preloadOnIntent } from '../../internal/sdk-loader.js';
import { mergeStrings, type PartialStrings, type PasskeyManagerStrings } from '../../internal/strings.js';
import type { VerificationMethod } from '../../internal/verification-method.js';
import englishList from '../../locales/manager/en/list.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import type { ManagedAuthenticator } from './authenticators.js';
import { MANAGED } from './managed-methods.js';
import type { ChangeFlow, FlowEnd } from './change-flow.js';
import { loadFlow } from './flow-loader.js';
import { passkeyManagerStyles } from './passkey-manager.styles.js';
import { retryableImport } from '../../internal/retryable-import.js';

/**
 * The Signal API calls, a chunk of their own: they run after the list loads, never before it
 * renders. A failed load just signals nothing (the next read tries again).
 */
const loadSignals = /* @__PURE__ */ onDemand(retryableImport(() => import('./passkey-signals.js')));
/**
 * Reading the list (the request, and what the element keeps of each authenticator): a chunk of its
 * own as well, fetched beside the token, so that the page pays before the element paints only for
 * what it shows then.
 */
const loadReader = /* @__PURE__ */ onDemand(retryableImport(() => import('./authenticators.js')));
const signal = (call: (signals: typeof import('./passkey-signals.js')) => void) =>
  void loadSignals().then(call, () => undefined);

const ADD = { PASSKEY: 'addPasskey', EMAIL_OTP: 'addEmail', SMS: 'addSms', AUTHENTICATOR_APP: 'addApp' } as const;
const NAMES = { EMAIL_OTP: 'methodEmail', SMS: 'methodSms', AUTHENTICATOR_APP: 'methodApp' } as const;

/**
 * English: the list's, with the element; the change steps bring theirs (merged in once they load),
 * so that a page pays before its list renders only for what the list shows.
 */
let english = englishList as PasskeyManagerStrings;

/** Shipped languages' manager strings, by code, once loaded; and the loads under way. */
const shipped: Record<string, PasskeyManagerStrings> = Object.create(null);
const loading: Record<string, Promise<void>> = Object.create(null);

/**
 * Lists the signed-in user's passkeys (and, with `methods`, their email addresses, phones and
 * authenticator app), and adds and removes them. Every change of a user who has a way to confirm
 * runs a step-up with one they already have, inside the element, and your server makes (or
 * records) the change only after it validated that step-up, bound to this one change.
 *
 * @summary The user's passkeys and other ways to confirm: listed, added and removed behind a step-up.
 * @tag passkey-manager
 *
 * @attribute lang - The language of the element's text (BCP 47). Unset: the nearest ancestor's, the document's, then the browser's. 12 are shipped; `registerTranslation()` adds more.
 * @attribute dir - `rtl` or `ltr`. Unset: the nearest ancestor's `dir`, unless a nearer `lang` brings its own direction (`ar` is right to left).
 *
 * @event {PasskeyManagerChangeEvent} passkey-manager-change - Your server confirmed a change; the list was read again. `detail: { kind: 'added' | 'removed'; method: VerificationMethod; authenticatorId: string }`.
 * @event {PasskeyManagerCancelEvent} passkey-manager-cancel - The person left a change before it was made: nothing changed.
 * @event {PasskeyManagerErrorEvent} passkey-manager-error - Reading the list or a step of a change failed. `detail: { code: ManagerErrorCode; message: string }`, `code` one of the step-up's codes, `invalid-contact`, `last-authenticator`, `change-in-progress`, `change-refused`. A wrong code (`invalid-code`, `invalid-contact`) keeps its step open; any other ends the change, with nothing changed.
 *
 * @csspart base - The wrapper around everything.
 * @csspart list - The list of authenticators (`<ul>`).
 * @csspart item - One authenticator (`<li>`; its `data-method` is the method's name).
 * @csspart name - Its name: the passkey's maker ("iCloud Keychain"), else "Passkey"; the method's name.
 * @csspart detail - Its address or number, when it was added and last used, and "On this device".
 * @csspart remove - Its remove button (absent on the only one).
 * @csspart note - Why the only one cannot be removed.
 * @csspart add - A button that starts adding a method (`data-method` is its name).
 * @csspart change - The steps of the change under way.
 * @csspart confirm-remove - Confirms a removal.
 * @csspart step-up - The `<step-up-challenge>` a change runs (style it with its own parts and properties).
 * @csspart create-passkey - Creates the new passkey.
 * @csspart contact-form - The new address's or phone's form; `contact` its field, `send-code` its button.
 * @csspart contact - The new email address or phone number.
 * @csspart send-code - Sends the new address or phone a code.
 * @csspart qr - The authenticator app's QR code (an SVG image).
 * @csspart key - The authenticator app's key, as text.
 * @csspart code-form - The code's form; `code` its field, `verify` its button.
 * @csspart code - The code field (`autocomplete="one-time-code"`).
 * @csspart verify - Checks the code.
 * @csspart cancel - Leaves the change (nothing is changed).
 * @csspart status - The polite live region with the current status.
 * @csspart error - The error message.
 *
 * @cssproperty [--passkey-color-scheme=light dark] - `light` or `dark` pins the scheme; by default it follows `prefers-color-scheme`.
 * @cssproperty [--passkey-color-primary=#1d4ed8] - Button background (dark scheme: #93c5fd).
 * @cssproperty [--passkey-color-on-primary=#fff] - Button text (dark scheme: #0b1220).
 * @cssproperty [--passkey-color-text=inherit] - Text color.
 * @cssproperty [--passkey-color-muted=#4b5563] - Details, borders, status text (dark scheme: #cbd5e1).
 * @cssproperty [--passkey-color-success=#15803d] - Success text (dark scheme: #86efac).
 * @cssproperty [--passkey-color-danger=#b91c1c] - Error text, the remove confirmation's button (dark scheme: #fca5a5).
 * @cssproperty [--passkey-color-surface=#fff] - Field background (dark scheme: #111827).
 * @cssproperty [--passkey-radius=0.5rem] - Corner radius.
 * @cssproperty [--passkey-spacing=0.75rem] - Base spacing unit.
 * @cssproperty [--passkey-font-family=inherit] - Font family.
 * @cssproperty [--passkey-font-size=1rem] - Font size.
 * @cssproperty [--passkey-focus-ring=0 0 0 3px #93c5fd] - Box shadow of focused buttons and fields (dark scheme: #1d4ed8 ring; forced colors: a system-color outline).
 *
 * @cssstate loading - The list is being read.
 * @cssstate ready - The list is shown; no change is under way.
 * @cssstate changing - A change is under way (one at a time).
 * @cssstate error - The list could not be read, or the last change failed.
 */
export class PasskeyManager extends DefaultedElement {
  static override styles = [sharedStyles, passkeyManagerStyles];
  // Declared without decorators: the decorator helpers would cost bytes in every bundle.
  // `value`: the default, read until one is set and restored by removing the attribute (see
  // defaulted-element.ts). `methods` keeps a field: each element its own array.
  static override properties = {
    tenantId: { attribute: 'tenant-id', value: '' },
    baseUrl: { attribute: 'base-url', value: '' },
    tokenUrl: { attribute: 'token-url', value: '' },
    changesUrl: { attribute: 'changes-url', value: '' },
    userId: { attribute: 'user-id', value: '' },
    rpId: { attribute: 'rp-id', value: '' },
    username: { value: '' },
    displayName: { attribute: 'display-name', value: '' },
    methods: { converter: (value: string | null) => value?.split(/\s+/).filter(Boolean) ?? ['PASSKEY'] },
    disabled: { type: Boolean, reflect: true, value: false },
    strings: { attribute: false },
  };

  /** Your Authsignal tenant id. Required. */
  declare tenantId: string;

  /** Authsignal API base URL, including `/v1`. Defaults to Authsignal's (`https://api.authsignal.com/v1`). */
  declare baseUrl: string;

  /**
   * Your endpoint that answers a same-origin `POST` with `{ token }`: a `track` token of the
   * signed-in user (no scope needed), with which the element reads the user's authenticators
   * (`GET /client/user-authenticators`). It may add nothing: every change goes through `changes-url`.
   */
  declare tokenUrl: string;

  /**
   * Your endpoint for changes (same origin, JSON): `POST {changes-url}` with `{ change: 'add',
   * method }` or `{ change: 'remove', authenticatorId }` starts one and answers `{ id, token,
   * stepUp, methods }` (a `track` of the change: with `stepUp`, a step-up's token and its
   * `allowedVerificationMethods`); `POST {changes-url}/{id}` with `{ token, userAuthenticatorId? }`
   * completes it once your server validated the token (`validateChallenge`). See the README.
   */
  declare changesUrl: string;

  /**
   * The user's id: the passkeys' user handle for the Signal API (Authsignal makes it the id's
   * UTF-8 bytes), so that the browser drops passkeys the server no longer has; and the step-up's
   * `user-id`. Without it, nothing is signalled.
   */
  declare userId: string;

  /** The relying party id of the passkeys, for the Signal API. Defaults to this page's host name. */
  declare rpId: string;

  /** The user's name as your app shows it; a new passkey stores it, and a change reaches the browser's passkey list. */
  declare username: string;

  /** The user's display name; as `username`. */
  declare displayName: string;

  /**
   * What the element lists and offers to add, by Authsignal's names: `PASSKEY`, `EMAIL_OTP`, `SMS`,
   * `AUTHENTICATOR_APP` (the attribute takes them space-separated). Default: passkeys only.
   */
  methods: string[] = ['PASSKEY'];

  /** Disables every button. */
  declare disabled: boolean;

  /**
   * Overrides for any visible string, in every language; missing keys keep the translation's.
   * The step-up of a change shows `<step-up-challenge>`'s own strings.
   */
  strings?: PartialStrings<PasskeyManagerStrings>;

  #localize = new LocalizeController(this);
  readonly #internals = this.attachInternals?.();
  #shownState?: string;
  /** The user's authenticators as last read (all of them, listed or not); undefined until then. */
  #authenticators?: ManagedAuthenticator[];
  /** Bumped by every read and disconnection: a stale read's answer is dropped. */
  #reads = 0;
  #loading = false;
  #flow?: ChangeFlow;
  /** A change is being started (its steps are loading): a second click waits for nothing. */
  #starting = false;
  #status = '';
  #error?: ManagerErrorCode;
  /** What to focus after the next update, once a change ended. */
  #focus?: string;

  constructor() {
    super();
    preloadOnIntent(this, () => loadFlow().catch(() => undefined));
  }

  /** The user's authenticators as last read (read-only): every method, listed here or not. */
  get authenticators(): readonly ManagedAuthenticator[] | undefined {
    return this.#authenticators;
  }

  /** Reads the list again (after a change made elsewhere, say). */
  refresh(): Promise<void> {
    return this.#read();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.#read();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#reads++;
    this.#flow?.abort();
    this.#flow = undefined;
    this.#starting = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tokenUrl') || changed.has('baseUrl')) {
      // Another endpoint may be another user's: the old list is not shown meanwhile.
      this.#authenticators = undefined;
      if (this.isConnected) void this.#read();
    }
    // A name the host changed reaches the browser's passkey list.
    if ((changed.has('username') || changed.has('displayName')) && this.hasUpdated) this.#signal();
  }

  protected override updated(): void {
    const state = this.#loading
      ? 'loading'
      : this.#flow || this.#starting
        ? 'changing'
        : this.#error
          ? 'error'
          : 'ready';
    if (state !== this.#shownState) {
      setCustomState(this.#internals, this.#shownState, state);
      this.#shownState = state;
    }
    this.#flow?.focus();
    if (this.#focus) {
      this.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus();
      this.#focus = undefined;
    }
  }

  /**
   * Tells the browser (with `user-id`): the passkeys the server still has, when given; and the
   * user's names, when the host set one.
   */
  #signal(passkeys?: string[]): void {
    const { userId, username, displayName } = this;
    const rpId = this.rpId || location.hostname;
    if (userId) {
      signal((s) => {
        if (passkeys) s.signalAcceptedPasskeys(rpId, userId, passkeys);
        if (username) s.signalUserDetails(rpId, userId, username, displayName);
      });
    }
  }

  get #listed(): VerificationMethod[] {
    return MANAGED.filter((method) => this.methods.includes(method));
  }

  async #read(): Promise<void> {
    const read = ++this.#reads;
    if (!this.tokenUrl) return;
    this.#loading = true;
    this.requestUpdate();
    let code: ManagerErrorCode | undefined;
    try {
      // A token of the user's, fresh for each read (it is used at once, then dropped).
      const [token, { readAuthenticators }] = await Promise.all([requestToken(this.tokenUrl), loadReader()]);
      if ('code' in token) throw new PasskeyElementError(token.code);
      const list = await readAuthenticators(this.baseUrl, token.data);
      if (read !== this.#reads) return;
      this.#authenticators = list;
      this.#signal(list.flatMap((a) => (a.credentialId ? [a.credentialId] : [])));
    } catch (error) {
      if (read !== this.#reads) return;
      code = error instanceof PasskeyElementError && error.code !== 'cancel' ? error.code : 'unknown';
    }
    this.#loading = false;
    if (code) this.#report(code);
    this.requestUpdate();
  }

  /** Fires the error event; and shows the message, unless the step that failed shows it itself. */
  #report(code: ManagerErrorCode, shown = true): void {
    if (shown) this.#error = code;
    this.requestUpdate();
    if (this.isConnected) {
      this.dispatchEvent(new PasskeyManagerErrorEvent({ code, message: this.#text.errors[code] }));
    }
  }

  get #text(): PasskeyManagerStrings {
    const translation = this.#localize.resolve();
    return mergeStrings(translation.passkeyManager ?? this.#shipped(this.#localize.locale), this.strings);
  }

  /** A shipped language's strings, loaded on first use; English meanwhile and otherwise. */
  #shipped(locale: string): PasskeyManagerStrings {
    if (!SHIPPED_LOCALES.includes(locale as ShippedLocale)) return english;
    if (!shipped[locale]) {
      (loading[locale] ??= loadManagerLocale(locale as ShippedLocale).then(
        (module) => void (shipped[locale] = module.default),
        () => console.warn(`passkey-elements: could not load locales/manager/${locale}.js`),
      )).then(() => this.requestUpdate());
    }
    return shipped[locale] ?? english;
  }

  /** Starts adding `method`, or removing `removing`: one change at a time. */
  async #begin(method: VerificationMethod, removing?: ManagedAuthenticator, name?: string): Promise<void> {
    if (this.disabled || this.#flow || this.#starting) return;
    this.#starting = true;
    this.#error = undefined;
    this.#status = '';
    this.requestUpdate();
    let module: typeof import('./change-flow.js') | undefined;
    try {
      module = await loadFlow();
    } catch {
      // Reported below.
    }
    this.#starting = false;
    if (!this.isConnected) return;
    if (!module) return this.#report('network');
    const steps = module.changeEnglish;
    english = { ...englishList, ...steps, errors: { ...englishList.errors, ...steps.errors } };
    const flow: ChangeFlow = new module.ChangeFlow(
      this,
      {
        text: () => this.#text,
        end: (result) => void this.#ended(flow, result, method),
        report: (code) => this.#report(code, false),
        load: loadCeremonies,
      },
      method,
      removing,
      name,
    );
    this.#flow = flow;
    this.requestUpdate();
  }

  async #ended(flow: ChangeFlow, result: FlowEnd, method: VerificationMethod): Promise<void> {
    if (this.#flow !== flow || !this.isConnected) return;
    this.#flow = undefined;
    this.#focus = `[part~=add][data-method=${method}]`;
    if ('code' in result) return this.#report(result.code);
    if ('cancelled' in result) {
      this.requestUpdate();
      this.dispatchEvent(new PasskeyManagerCancelEvent());
      return;
    }
    const { change } = result;
    await this.#read();
    if (!this.isConnected) return;
    const text = this.#text;
    // The removed one's own name ("iCloud Keychain"); a new one's method ("Passkey").
    const name = this.#nameOf(flow.removing ?? { method: change.method, label: '' }, text);
    this.#status = (change.kind === 'added' ? text.changeAdded : text.changeRemoved).replace('{name}', name);
    this.requestUpdate();
    this.dispatchEvent(new PasskeyManagerChangeEvent(change));
  }

  #nameOf(a: Pick<ManagedAuthenticator, 'method' | 'label'>, text: PasskeyManagerStrings): string {
    return a.method === 'PASSKEY' ? a.label || text.passkey : text[NAMES[a.method]];
  }

  protected override render() {
    const text = this.#text;
    const { locale, ownDir } = this.#localize;
    const all = this.#authenticators;
    const listed = this.#listed;
    const shown = all?.filter((a) => listed.includes(a.method));
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const when = (iso: string | undefined) => (iso && !isNaN(Date.parse(iso)) ? date.format(new Date(iso)) : '');
    const changing = !!this.#flow || this.#starting;
    const busy = changing ? 'true' : nothing;
    // The only way to confirm it is you is never removed: the server refuses it too.
    const onlyOne = all?.length === 1;
    const hasApp = all?.some((a) => a.method === 'AUTHENTICATOR_APP');
    const items = shown?.map((a) => {
      const name = this.#nameOf(a, text);
      const details = [
        a.method === 'EMAIL_OTP' || a.method === 'SMS' ? a.label : '',
        a.createdAt ? text.added.replace('{date}', when(a.createdAt)) : '',
        a.lastUsedAt ? text.lastUsed.replace('{date}', when(a.lastUsedAt)) : '',
        a.onThisDevice ? text.thisDevice : '',
      ].filter(Boolean);
      return html`<li part="item" class="item" data-method=${a.method}>
        <span class="meta">
          <span part="name" class="name">${name}</span>
          <span part="detail" class="detail">${details.join(' · ')}</span>
        </span>
        ${
          onlyOne
            ? nothing
            : html`<button
                part="remove"
                class="button secondary"
                type="button"
                aria-label=${text.removeLabel.replace('{name}', details[0] ? `${name}, ${details[0]}` : name)}
                ?disabled=${this.disabled}
                aria-disabled=${busy}
                @click=${() => this.#begin(a.method, a, name)}
              >
                ${text.remove}
              </button>`
        }
      </li>`;
    });
    return html`<div part="base" class="base" lang=${locale} dir=${ownDir ?? nothing} aria-busy=${this.#loading}>
      ${
        !all
          ? html`<p class="detail">${this.#loading ? text.loading : ''}</p>`
          : html`<ul part="list" class="list" aria-label=${text.listLabel}>
                ${items?.length ? items : html`<li class="detail">${text.empty}</li>`}
              </ul>
              ${onlyOne ? html`<p part="note" class="note">${text.lastOne}</p>` : nothing}`
      }
      ${
        this.#flow
          ? this.#flow.render()
          : html`<div class="actions">
              ${listed
                .filter((method) => method !== 'AUTHENTICATOR_APP' || !hasApp)
                .map(
                  (method) =>
                    html`<button
                      part="add"
                      class="button"
                      type="button"
                      data-method=${method}
                      ?disabled=${this.disabled || !all}
                      aria-disabled=${busy}
                      @click=${() => this.#begin(method)}
                    >
                      ${text[ADD[method]]}
                    </button>`,
                )}
            </div>`
      }
      <p part="status" class="status success" role="status">${this.#status}</p>
      ${this.#error ? html`<p part="error" class="error" role="alert">${text.errors[this.#error]}</p>` : nothing}
    </div>`;
  }
}
