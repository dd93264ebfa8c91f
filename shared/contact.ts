/**
 * Email addresses and phone numbers as codes are sent to them, for both servers (each answers a
 * bad one with its own error). Undefined: not one.
 */

/** Trimmed, one `@`, a dot in the domain, no spaces. */
export function normalizeEmail(value: string): string | undefined {
  const email = value.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
}

/** E.164 (`+` and 7 to 15 digits, as Authsignal takes it), spaces, dashes and brackets dropped. */
export function normalizePhoneNumber(value: string): string | undefined {
  const phoneNumber = value.replace(/[\s()-]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(phoneNumber) ? phoneNumber : undefined;
}
