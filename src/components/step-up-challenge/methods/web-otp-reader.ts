/**
 * Reads a code from a text message with WebOTP, where the browser has it: an SMS whose last line
 * is `@<this page's hostname> #<code>` hands the code to the page. One request at a time; `stop()`
 * aborts it (the method changed, a new code was sent, the element left the page).
 */
export class WebOtpReader {
  #abort?: AbortController;

  start(onCode: (code: string) => void): void {
    this.stop();
    if (!('OTPCredential' in window)) return;
    const abort = (this.#abort = new AbortController());
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: abort.signal } as CredentialRequestOptions)
      .then((credential) => {
        const code = (credential as { code?: unknown } | null)?.code;
        if (typeof code === 'string' && !abort.signal.aborted) onCode(code);
      })
      // Aborted, refused or timed out: the person types the code.
      .catch(() => undefined);
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }
}
