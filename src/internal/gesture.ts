/**
 * Whether a WebAuthn prompt may start without a click right now. WebKit (Safari, and every
 * browser on iOS/iPadOS) refuses WebAuthn without a recent user gesture; Chromium and Firefox
 * allow `navigator.credentials.get()` without one. Every WebKit user agent names AppleWebKit and,
 * unlike Chromium's, no Chrome, Chromium or Edg/: iOS browsers say CriOS, EdgiOS, FxiOS, and iPadOS
 * passes for desktop Safari. Part of the SDK's module (src/sdk/passkey-ceremonies.ts), which the
 * step-up's autostart reads it from: the prompt needs that file anyway.
 */
export function canPromptWithoutGesture(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
  const ua = navigator.userAgent;
  return activation?.isActive || !/AppleWebKit/.test(ua) || /Chrom|Edg\//.test(ua);
}
