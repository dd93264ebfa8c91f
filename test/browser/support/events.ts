/** Records the named events dispatched on (or bubbling through) a target, in order. */
export function recordEvents(target: EventTarget, names: readonly string[]) {
  const seen: { type: string; detail: unknown; event: Event }[] = [];
  for (const name of names) {
    target.addEventListener(name, (event) =>
      seen.push({ type: name, detail: (event as Event & { detail?: unknown }).detail, event }),
    );
  }
  return seen;
}

export const ENROLL_EVENTS = [
  'passkey-enroll-start',
  'passkey-enroll-success',
  'passkey-enroll-cancel',
  'passkey-enroll-error',
] as const;

/** Resolves with the first of the given events, or rejects after `ms`. */
export function nextEvent<T extends Event = Event>(
  target: EventTarget,
  names: readonly string[],
  ms = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`none of ${names.join(', ')} within ${ms} ms`)), ms);
    for (const name of names) {
      target.addEventListener(
        name,
        (event) => {
          clearTimeout(timer);
          resolve(event as T);
        },
        { once: true },
      );
    }
  });
}

export const STEP_UP_EVENTS = [
  'step-up-challenge-start',
  'step-up-challenge-success',
  'step-up-challenge-cancel',
  'step-up-challenge-error',
] as const;

export const SIGN_IN_EVENTS = [
  'passkey-sign-in-start',
  'passkey-sign-in-success',
  'passkey-sign-in-cancel',
  'passkey-sign-in-error',
] as const;
