import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
// Registers <step-up-challenge>: every change of an enrolled user runs it, views, methods and all.
import '../../step-up-challenge.js';
import type { PasskeyManagerChangeDetail } from '../../events/passkey-manager-change.js';
import type { ManagerErrorCode, Outcome } from '../../internal/error-codes.js';
import type { PasskeyManagerStrings } from '../../internal/strings.js';
import type { CodeMethod, VerificationMethod } from '../../internal/verification-method.js';
import type * as Ceremonies from '../../sdk/passkey-ceremonies.js';
import type { ManagedAuthenticator } from './authenticators.js';
import { checkCode } from '../step-up-challenge/methods/code-ceremonies.js';
import { retryableImport } from '../../internal/retryable-import.js';
import { onDemand } from '../../internal/sdk-loader.js';
import { postChange } from './change-request.js';
import { adoptChangeStyles, changeFallbackStyles } from './change-styles.js';

export { default as changeEnglish } from '../../locales/manager/en/change.js';

/*
 * One change to the user's ways to confirm, from the click to the host server's answer. Loaded on
 * intent (src/components/passkey-manager/flow-loader.ts), never before the list paints; the QR
 * code's library loads only when an authenticator app is set up.
 *
 * The host's part (`changes-url`): `POST {changes-url}` `{ change: 'add', method }` or
 * `{ change: 'remove', authenticatorId }` starts the change and answers `{ id, token, stepUp,
 * methods }`; `POST {changes-url}/{id}` `{ token, userAuthenticatorId? }` completes it once the
 * server has validated the token. With `stepUp`, the token is a step-up's: the step-up runs here,
 * and only the token it answers may add (or, for a removal, is what the server validates).
 */

/** The element as the flow reads it. */
export interface FlowHost extends ReactiveControllerHost, HTMLElement {
  readonly tenantId: string;
  readonly baseUrl: string;
  readonly changesUrl: string;
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly disabled: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** How a change ends: made (the server said so), failed, or left by the person. */
export type FlowEnd = { change: PasskeyManagerChangeDetail } | { code: ManagerErrorCode } | { cancelled: true };

/**
 * What the element hands the flow: its strings (after `strings`), how the flow ends (once), how
 * it reports a failure that keeps its step open (a wrong code), and the SDK module's loader.
 */
export interface FlowHooks {
  text(): PasskeyManagerStrings;
  end(result: FlowEnd): void;
  report(code: ManagerErrorCode): void;
  load(): Promise<typeof Ceremonies>;
}

type Step =
  | { name: 'confirm' }
  | { name: 'working' }
  | { name: 'step-up'; token: string; methods: string[] }
  | { name: 'passkey'; cancelled?: boolean }
  | { name: 'contact' }
  | { name: 'code' }
  | { name: 'app'; secret: string; qr: { size: number; path: string } };

/** Failures that keep the step open: the person fixes what they typed, or tries again. */
const KEEPS_STEP: readonly ManagerErrorCode[] = ['invalid-code', 'invalid-contact', 'already-registered'];

/** The QR library, once per page, for an authenticator app's set-up only (a failed load is tried again). */
const loadQr = /* @__PURE__ */ onDemand(retryableImport(() => import('qrcode-generator')));

export class ChangeFlow {
  readonly method: VerificationMethod;
  readonly removing?: ManagedAuthenticator;
  #step: Step;
  #error?: ManagerErrorCode;
  #change?: { id: string; token: string };
  #ended = false;
  /** The address or number a code was sent to (email, SMS): "Send a new code" sends it again. */
  #contact = '';
  /** What to focus after the next update, once a step moved. */
  #focus?: string;
  readonly #host: FlowHost;
  readonly #hooks: FlowHooks;
  /** The removed authenticator's name, for the confirmation and the step-up. */
  readonly #name: string;
  readonly #adopted: boolean;

  constructor(
    host: FlowHost,
    hooks: FlowHooks,
    method: VerificationMethod,
    removing?: ManagedAuthenticator,
    name = '',
  ) {
    this.#host = host;
    this.#hooks = hooks;
    this.method = method;
    this.removing = removing;
    this.#name = name;
    this.#adopted = adoptChangeStyles(host.renderRoot as ShadowRoot);
    this.#step = removing ? { name: 'confirm' } : { name: 'working' };
    this.#focus = removing ? '[part~=confirm-remove]' : undefined;
    if (!removing) void this.#start();
  }

  /** Whether a step is running (the person cannot leave it half-way). */
  get busy(): boolean {
    return this.#step.name === 'working';
  }

  /** The element was taken off the page, or the person left: nothing more happens. */
  abort(): void {
    this.#ended = true;
  }

  /** The person left the change (Cancel, Escape). Not while a step runs: the server may be making it. */
  cancel(): void {
    if (!this.busy) this.#end({ cancelled: true });
  }

  /** After the element's update: moves the focus where the step's first control is. */
  focus(): void {
    if (!this.#focus) return;
    this.#host.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus();
    this.#focus = undefined;
  }

  #end(result: FlowEnd): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#hooks.end(result);
  }

  #to(step: Step, focus?: string): void {
    if (this.#ended) return;
    this.#step = step;
    this.#focus = focus;
    this.#host.requestUpdate();
  }

  /**
   * A step failed: it stays open (a wrong code), or the change ends. Nothing in the steps prompts
   * the person, so a "cancel" (a thrown AbortError) is a fault.
   */
  #fail(failed: ManagerErrorCode | 'cancel', stay: Step, focus?: string): void {
    const code = failed === 'cancel' ? 'unknown' : failed;
    if (this.#ended) return;
    if (!KEEPS_STEP.includes(code)) return this.#end({ code });
    this.#error = code;
    this.#to(stay, focus);
    this.#hooks.report(code);
  }

  get #config(): Ceremonies.ApiConfig {
    return { tenantId: this.#host.tenantId, baseUrl: this.#host.baseUrl || undefined };
  }

  /** Starts the change at the host's server, then its step-up where the account has a way to confirm. */
  async #start(): Promise<void> {
    this.#error = undefined;
    this.#to({ name: 'working' });
    const removing = this.removing;
    const started = await postChange<{ id?: unknown; token?: unknown; stepUp?: unknown; methods?: unknown }>(
      this.#host.changesUrl,
      removing ? { change: 'remove', authenticatorId: removing.id } : { change: 'add', method: this.method },
    );
    if (this.#ended) return;
    if ('code' in started) return this.#end({ code: started.code });
    const { id, token, stepUp, methods } = started.data;
    if (typeof id !== 'string' || typeof token !== 'string' || !id || !token) return this.#end({ code: 'server' });
    this.#change = { id, token };
    if (stepUp === true) {
      const listed = Array.isArray(methods) ? methods.filter((m): m is string => typeof m === 'string') : [];
      return this.#to({ name: 'step-up', token, methods: listed.length ? listed : ['PASSKEY'] });
    }
    // No step-up: the account has no way to confirm yet, so this can only be an addition.
    if (removing) return this.#end({ code: 'change-refused' });
    void this.#confirmed(token);
  }

  /** The step-up succeeded (or was not needed): its token makes the change. */
  async #confirmed(token: string): Promise<void> {
    this.#change!.token = token;
    this.#error = undefined;
    if (this.removing) return this.#complete(token);
    if (this.method === 'PASSKEY') return this.#to({ name: 'passkey' }, '[part~=create-passkey]');
    if (this.method !== 'AUTHENTICATOR_APP') return this.#to({ name: 'contact' }, '[part~=contact]');
    this.#to({ name: 'working' });
    const [sdk, qrcode] = await Promise.all([this.#hooks.load(), loadQr()]).catch(() => []);
    if (this.#ended) return;
    if (!sdk || !qrcode) return this.#end({ code: 'network' });
    const enrolled = await this.#sdkCall(sdk, (client) => client.totp.enroll());
    if (this.#ended) return;
    if ('code' in enrolled) return this.#fail(enrolled.code, this.#step);
    const { uri, secret } = (enrolled.data ?? {}) as { uri?: string; secret?: string };
    if (!uri || !secret) return this.#end({ code: 'server' });
    this.#to({ name: 'app', secret, qr: qrPath(qrcode.default, uri) }, '[part~=code]');
  }

  /**
   * One SDK call with this change's token. The SDK keeps one token for the whole page: it is set
   * in the same turn as the call, which reads it before its first await.
   */
  async #sdkCall<T>(
    sdk: typeof Ceremonies,
    call: (client: ReturnType<typeof Ceremonies.client>) => Promise<{ data?: T; errorCode?: string }>,
  ): Promise<Outcome<T | undefined>> {
    return sdk.settle<T | undefined>(async () => {
      const client = sdk.client(this.#config);
      client.setToken(this.#change!.token);
      const result = await call(client);
      if (!result.errorCode) return { data: result.data };
      // A malformed address or number: the API refuses the request itself.
      return {
        code: result.errorCode === 'invalid_request' ? 'invalid-contact' : sdk.codeFromApiError(result.errorCode),
      };
    });
  }

  /**
   * A step starts: the working state, and the SDK module. Undefined when the change ended meanwhile,
   * or when the module could not load (the change then ends with `network`).
   */
  async #working(): Promise<typeof Ceremonies | undefined> {
    this.#error = undefined;
    this.#to({ name: 'working' });
    const sdk = await this.#hooks.load().catch(() => undefined);
    if (this.#ended) return undefined;
    if (!sdk) this.#end({ code: 'network' });
    return sdk;
  }

  /** The new passkey (a click: Safari creates passkeys only inside one). */
  async #createPasskey(): Promise<void> {
    if (this.busy || this.#host.disabled) return;
    const sdk = await this.#working();
    if (!sdk) return;
    const created = await sdk.enrollPasskey(this.#config, {
      token: this.#change!.token,
      username: this.#host.username || undefined,
      displayName: this.#host.displayName || undefined,
      // Any authenticator: this device's, a phone, a security key (the browser offers them all).
    });
    if (this.#ended) return;
    if ('data' in created) return this.#complete(created.data.token, created.data.userAuthenticatorId);
    if (created.code === 'cancel') return this.#to({ name: 'passkey', cancelled: true }, '[part~=create-passkey]');
    this.#fail(created.code, { name: 'passkey' }, '[part~=create-passkey]');
  }

  /** Sends a code to the new address or phone. */
  async #sendCode(event: Event): Promise<void> {
    event.preventDefault();
    const field = this.#field('contact');
    if (this.busy || !field || this.#host.disabled) return;
    const sms = this.method === 'SMS';
    // Spaces, dashes and brackets people type in a number are not part of it.
    const value = sms ? field.value.replace(/[\s().-]/g, '') : field.value.trim();
    if (!value) return field.focus();
    this.#contact = value;
    const sdk = await this.#working();
    if (!sdk) return;
    await this.#enrollContact(sdk, { name: 'contact' }, '[part~=contact]');
  }

  /**
   * Sends the code (`enroll` again sends a new one, which replaces the last); a failure goes back
   * to `back`.
   */
  async #enrollContact(sdk: typeof Ceremonies, back: Step, focus: string): Promise<void> {
    const value = this.#contact;
    const sent = await this.#sdkCall(sdk, (client) =>
      this.method === 'SMS' ? client.sms.enroll({ phoneNumber: value }) : client.email.enroll({ email: value }),
    );
    if (this.#ended) return;
    if ('code' in sent) return this.#fail(sent.code, back, focus);
    this.#to({ name: 'code' }, '[part~=code]');
  }

  /** "Send a new code": the same address or number, a fresh code. */
  async #resend(): Promise<void> {
    if (this.busy || this.#host.disabled) return;
    const sdk = await this.#working();
    if (!sdk) return;
    await this.#enrollContact(sdk, { name: 'code' }, '[part~=code]');
  }

  /** Checks the code the new address, phone or app received (or shows). */
  async #verify(event: Event): Promise<void> {
    event.preventDefault();
    const field = this.#field('code');
    const step = this.#step;
    if (this.busy || !field || this.#host.disabled) return;
    const code = field.value.replace(/[\s-]/g, '');
    if (!code) return field.focus();
    field.value = '';
    if (!/^\d{6,8}$/.test(code)) return this.#fail('invalid-code', step, '[part~=code]');
    const sdk = await this.#working();
    if (!sdk) return;
    const checked = await checkCode(sdk, this.#config, {
      token: this.#change!.token,
      method: this.method as CodeMethod,
      code,
    });
    if (this.#ended) return;
    if ('data' in checked) return this.#complete(checked.data.token, checked.data.userAuthenticatorId);
    this.#fail(checked.code, step, '[part~=code]');
  }

  /** Hands the token to the host's server, which validates it and makes (or records) the change. */
  async #complete(token: string, userAuthenticatorId?: string): Promise<void> {
    this.#to({ name: 'working' });
    const change = this.#change!;
    // `{changes-url}/{id}`, a query the host put in `changes-url` kept.
    const url = new URL(this.#host.changesUrl, location.href);
    url.pathname = `${url.pathname.replace(/\/$/, '')}/${encodeURIComponent(change.id)}`;
    const done = await postChange<{ authenticatorId?: unknown }>(url.href, {
      token,
      ...(userAuthenticatorId ? { userAuthenticatorId } : {}),
    });
    if (this.#ended) return;
    if ('code' in done) return this.#end({ code: done.code });
    const answered = done.data.authenticatorId;
    this.#end({
      change: {
        kind: this.removing ? 'removed' : 'added',
        method: this.method,
        authenticatorId: this.removing?.id ?? (typeof answered === 'string' ? answered : (userAuthenticatorId ?? '')),
      },
    });
  }

  #field(part: string): HTMLInputElement | null {
    return this.#host.renderRoot.querySelector<HTMLInputElement>(`[part~=${part}]`);
  }

  #stepUpEvent(event: Event): void {
    // The step-up is the manager's own part: the page hears the manager's events, not its.
    event.stopPropagation();
    const { type, detail } = event as CustomEvent<{ token: string; code: ManagerErrorCode }>;
    if (type === 'step-up-challenge-success') void this.#confirmed(detail.token);
    else if (type === 'step-up-challenge-error') this.#hooks.report(detail.code);
  }

  render(): TemplateResult {
    const text = this.#hooks.text();
    const step = this.#step;
    const disabled = this.#host.disabled;
    const busy = this.busy;
    const onStepUp = (event: Event) => this.#stepUpEvent(event);
    let body: unknown = nothing;
    if (step.name === 'confirm') {
      body = html`<p class="prompt">${text.confirmRemove.replace('{name}', this.#name)}</p>
        <button
          part="confirm-remove"
          class="button danger"
          type="button"
          ?disabled=${disabled}
          @click=${() => this.busy || this.#start()}
        >
          ${text.confirmRemoveButton}
        </button>`;
    } else if (step.name === 'step-up') {
      body = html`<step-up-challenge
        part="step-up"
        .tenantId=${this.#host.tenantId}
        .baseUrl=${this.#host.baseUrl}
        .userId=${this.#host.userId}
        .methods=${step.methods}
        .token=${step.token}
        .disabled=${disabled}
        @step-up-challenge-start=${onStepUp}
        @step-up-challenge-success=${onStepUp}
        @step-up-challenge-cancel=${onStepUp}
        @step-up-challenge-error=${onStepUp}
      >
        <span slot="description">
          ${this.removing ? text.stepUpRemove.replace('{name}', this.#name) : text.stepUpAdd}
        </span>
      </step-up-challenge>`;
    } else if (step.name === 'passkey') {
      body = html`<button
          part="create-passkey"
          class="button"
          type="button"
          ?disabled=${disabled}
          @click=${() => this.#createPasskey()}
        >
          ${text.addPasskey}
        </button>
        <p class="status" role="status">${step.cancelled ? text.cancelled : ''}</p>`;
    } else if (step.name === 'contact') {
      const sms = this.method === 'SMS';
      body = html`<form part="contact-form" class="form" novalidate @submit=${(e: Event) => this.#sendCode(e)}>
        <label class="label" for="contact">${sms ? text.phoneLabel : text.emailLabel}</label>
        <span class="row">
          <input
            part="contact"
            class="field"
            id="contact"
            name=${sms ? 'tel' : 'email'}
            type=${sms ? 'tel' : 'email'}
            autocomplete=${sms ? 'tel' : 'email'}
            dir="ltr"
            .value=${this.#contact}
            ?disabled=${disabled}
            aria-invalid=${this.#error === 'invalid-contact' ? 'true' : 'false'}
            aria-describedby=${this.#error ? 'change-error' : nothing}
          />
          <button part="send-code" class="button" type="submit" ?disabled=${disabled}>${text.sendCode}</button>
        </span>
      </form>`;
    } else if (step.name === 'code' || step.name === 'app') {
      const app = step.name === 'app';
      body = html`${
          app
            ? html`<p class="prompt">${text.appScan}</p>
                <svg
                  part="qr"
                  class="qr"
                  role="img"
                  aria-label=${text.qrLabel}
                  viewBox="-4 -4 ${step.qr.size + 8} ${step.qr.size + 8}"
                  shape-rendering="crispEdges"
                >
                  <rect x="-4" y="-4" width="100%" height="100%" fill="#fff"></rect>
                  <path d=${step.qr.path} fill="#000"></path>
                </svg>
                <p class="key">
                  ${text.appKey}: <code part="key" dir="ltr">${step.secret.replace(/(.{4})(?=.)/g, '$1 ')}</code>
                </p>`
            : nothing
        }
        <form part="code-form" class="form" novalidate @submit=${(e: Event) => this.#verify(e)}>
          <label class="label" for="code">${app ? text.codeLabelApp : text.codeLabel}</label>
          <span class="row">
            <input
              part="code"
              class="field code"
              id="code"
              name="code"
              type="text"
              autocomplete="one-time-code"
              inputmode="numeric"
              enterkeyhint="done"
              spellcheck="false"
              dir="ltr"
              ?disabled=${disabled}
              aria-invalid=${this.#error === 'invalid-code' ? 'true' : 'false'}
              aria-describedby=${this.#error ? 'change-error' : nothing}
            />
            <button part="verify" class="button" type="submit" ?disabled=${disabled}>${text.verify}</button>
          </span>
        </form>
        ${
          app
            ? nothing
            : html`<button
                part="resend"
                class="button secondary"
                type="button"
                ?disabled=${disabled}
                @click=${() => this.#resend()}
              >
                ${text.resend}
              </button>`
        }`;
    } else {
      body = html`<p class="status" role="status"><span class="spinner" aria-hidden="true"></span>${text.working}</p>`;
    }
    return html`<div
      part="change"
      class="change"
      aria-busy=${busy}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel()}
    >
      ${body}
      ${this.#error ? html`<p part="error" class="error" role="alert" id="change-error">${text.errors[this.#error]}</p>` : nothing}
      <button
        part="cancel"
        class="button secondary"
        type="button"
        aria-disabled=${busy ? 'true' : nothing}
        @click=${() => this.cancel()}
      >
        ${text.cancel}
      </button>
      ${changeFallbackStyles(this.#adopted)}
    </div>`;
  }
}

/** The QR code of `data` as one SVG path, a unit square per dark module (drawn here; encoded by the library). */
function qrPath(qrcode: typeof import('qrcode-generator'), data: string): { size: number; path: string } {
  const qr = qrcode(0, 'M');
  qr.addData(data);
  qr.make();
  const size = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) if (qr.isDark(row, column)) path += `M${column} ${row}h1v1h-1z`;
  }
  return { size, path };
}
