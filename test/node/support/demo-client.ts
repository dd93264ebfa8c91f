import { SoftAuthenticator } from '../../../emulator/test/support/soft-authenticator.js';

export interface DemoResponse {
  status: number;
  headers: Headers;
  data: Record<string, any>;
}

/**
 * A signed-in user of the demo bank, as a browser would be: a cookie jar, same-origin JSON
 * requests, and a software authenticator for the passkey ceremonies against the embedded API.
 */
export class DemoClient {
  /** The browser's cookies for the bank, by name: the session, and the device id the SDK reports. */
  private readonly jar = new Map<string, string>();
  readonly authenticator: SoftAuthenticator;

  constructor(
    readonly url: string,
    authenticator?: SoftAuthenticator,
  ) {
    this.authenticator = authenticator ?? new SoftAuthenticator('localhost', url);
    // The same device on a page served from this URL.
    this.authenticator.origin = url;
  }

  /** The `Cookie` header this browser sends: the session and the device id. */
  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** `name=value` of the session cookie, to send from elsewhere. */
  get sessionCookie(): string {
    const session = this.jar.get('bank_session');
    return session === undefined ? '' : `bank_session=${session}`;
  }

  /** The device id (`__as_aid`) the bank gave this browser; undefined to forget it, or another to be another device. */
  get deviceId(): string | undefined {
    return this.jar.get('__as_aid');
  }

  set deviceId(id: string | undefined) {
    if (id === undefined) this.jar.delete('__as_aid');
    else this.jar.set('__as_aid', id);
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<DemoResponse> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(method === 'GET' ? {} : { 'content-type': 'application/json', origin: this.url }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body ?? {}),
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, ...value] = pair!.split('=');
      this.jar.set(name!.trim(), value.join('='));
    }
    return {
      status: response.status,
      headers: response.headers,
      data: (await response.json().catch(() => ({}))) as any,
    };
  }

  signIn(username: string, password = 'correct horse battery', email?: string) {
    return this.request('POST', '/api/session', { username, password, ...(email ? { email } : {}) });
  }

  private apiBase?: string;

  /** What the browser SDK does, against the API the page is configured with (`/api/config`). */
  private async client(path: string, body: unknown, token: string) {
    this.apiBase ??= (await this.request('GET', '/api/config')).data.baseUrl as string;
    return fetch(`${this.apiBase}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: this.url },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<Record<string, any>>);
  }

  /**
   * <passkey-sign-in>: a discoverable passkey for the `signIn` action, no token (the tenant's
   * Basic credentials, as the SDK sends them); the token the API answers, not yet sent to the bank.
   */
  async passkeySignInToken(idempotencyKey?: string): Promise<string> {
    const config = (await this.request('GET', '/api/config')).data as { tenantId: string; baseUrl: string };
    const tenant = (path: string, body: unknown) =>
      fetch(`${config.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${btoa(`${config.tenantId}:`)}`,
          origin: this.url,
        },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, any>>);
    // The SDK may send the action's idempotency key itself: a page (or an attacker) can choose it.
    const { challengeId } = await tenant('/client/challenge', { action: 'signIn', idempotencyKey });
    const options = await tenant('/client/user-authenticators/passkey/authentication-options', { challengeId });
    const authenticationCredential = this.authenticator.authenticate(options.options);
    const verified = await tenant('/client/verify/passkey', { authenticationCredential, challengeId });
    if (!verified.accessToken) throw new Error(`sign-in failed: ${JSON.stringify(verified)}`);
    return verified.accessToken as string;
  }

  /** <passkey-enroll>: token from the bank, registration at the API, validation at the bank. */
  async enrollPasskey(): Promise<DemoResponse> {
    const { data } = await this.request('POST', '/api/passkey/enroll');
    const options = await this.client('/client/user-authenticators/passkey/registration-options', {}, data.token);
    const registrationCredential = this.authenticator.register(options.options);
    const added = await this.client(
      '/client/user-authenticators/passkey',
      { registrationCredential, challengeId: options.challengeId },
      data.token,
    );
    return this.request('POST', '/api/passkey/validate', { token: added.accessToken });
  }

  /** The browser SDK's call with a token (`POST` and a body, or `GET`), as the page would make it. */
  async api(path: string, token: string, body?: unknown): Promise<Record<string, any>> {
    this.apiBase ??= (await this.request('GET', '/api/config')).data.baseUrl as string;
    const response = await fetch(`${this.apiBase}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: this.url },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json() as Promise<Record<string, any>>;
  }

  /** Starts a change on the security page: `{ id, token, stepUp, methods }`. */
  startChange(body: { change: 'add'; method: string } | { change: 'remove'; authenticatorId: string }) {
    return this.request('POST', '/api/security/changes', body);
  }

  /** The newest code the Dev inbox shows this account, by channel. */
  async inboxCode(channel: 'EMAIL' | 'SMS'): Promise<string> {
    const inbox = (await this.request('GET', '/api/dev/inbox')).data as unknown as { channel: string; code: string }[];
    const message = inbox.find((m) => m.channel === channel);
    if (!message) throw new Error(`no ${channel} code in the Dev inbox`);
    return message.code;
  }

  /**
   * Adds an email address (`EMAIL_OTP`) or a phone (`SMS`) from the security page: the change,
   * its step-up where the account already has a way to confirm (`stepUp`, the passkey's by
   * default), the address added with the token that answers, the code from the Dev inbox, and the
   * bank's validation of the change.
   */
  async addContact(
    method: 'EMAIL_OTP' | 'SMS',
    address: string,
    stepUp: (token: string) => Promise<string> = (token) => this.stepUp(token),
  ): Promise<DemoResponse> {
    const start = await this.startChange({ change: 'add', method });
    if (start.status !== 201) return start;
    const token = start.data.stepUp ? await stepUp(start.data.token) : (start.data.token as string);
    return this.addContactWith(start.data.id, token, method, address);
  }

  /**
   * Adds `address` at the API with `token` (a code from the Dev inbox proves it), then asks the
   * bank to complete change `changeId` with the token the verification answered.
   */
  async addContactWith(
    changeId: string,
    token: string,
    method: 'EMAIL_OTP' | 'SMS',
    address: string,
  ): Promise<DemoResponse> {
    const path = method === 'SMS' ? 'sms' : 'email-otp';
    const enrolled = await this.api(
      `/client/user-authenticators/${path}`,
      token,
      method === 'SMS' ? { phoneNumber: address } : { email: address },
    );
    if (enrolled.error) throw new Error(`enroll failed: ${JSON.stringify(enrolled)}`);
    const code = await this.inboxCode(method === 'SMS' ? 'SMS' : 'EMAIL');
    const verified = await this.api(`/client/verify/${path}`, token, { verificationCode: code });
    if (!verified.isVerified) throw new Error(`verify failed: ${JSON.stringify(verified)}`);
    return this.request('POST', `/api/security/changes/${changeId}`, {
      token: verified.accessToken,
      userAuthenticatorId: verified.userAuthenticator?.userAuthenticatorId,
    });
  }

  /** Removes a way to confirm: the change, its step-up (`stepUp`, the passkey's by default), the bank's validation. */
  async removeAuthenticator(
    authenticatorId: string,
    stepUp: (token: string) => Promise<string> = (token) => this.stepUp(token),
  ): Promise<DemoResponse> {
    const start = await this.startChange({ change: 'remove', authenticatorId });
    if (start.status !== 201) return start;
    const token = await stepUp(start.data.token);
    return this.request('POST', `/api/security/changes/${start.data.id}`, { token });
  }

  /**
   * <step-up-challenge> by email code: the code sent, read from the bank's Dev inbox (as a person
   * would read it there), and verified; a verified token out.
   */
  async emailStepUp(token: string): Promise<string> {
    await this.client('/client/challenge/email-otp', {}, token);
    const inbox = await this.request('GET', '/api/dev/inbox');
    const code = (inbox.data as unknown as { channel: string; code: string }[]).find(
      (m) => m.channel === 'EMAIL',
    )!.code;
    const verified = await this.client('/client/verify/email-otp', { verificationCode: code }, token);
    if (!verified.accessToken) throw new Error(`step-up failed: ${JSON.stringify(verified)}`);
    return verified.accessToken as string;
  }

  /** <step-up-challenge>: the token from the transfer in, a verified token out. */
  async stepUp(token: string): Promise<string> {
    const options = await this.client('/client/user-authenticators/passkey/authentication-options', {}, token);
    const authenticationCredential = this.authenticator.authenticate(options.options);
    const verified = await this.client(
      '/client/verify/passkey',
      { authenticationCredential, challengeId: options.challengeId },
      token,
    );
    if (!verified.accessToken) throw new Error(`step-up failed: ${JSON.stringify(verified)}`);
    return verified.accessToken as string;
  }
}
