/**
 * Whether a WebAuthn prompt may start without a click right now. WebKit (Safari, and every
 * browser on iOS/iPadOS) refuses WebAuthn without a recent user gesture; Chromium and Firefox
 * allow `navigator.credentials.get()` without one.
 */
export function canPromptWithoutGesture(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
  if (activation?.isActive) return true;
  const ua = navigator.userAgent;
  const iOS = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  const safari = /AppleWebKit/.test(ua) && !/Chrome|Chromium|Edg\//.test(ua);
  return !iOS && !safari;
}
