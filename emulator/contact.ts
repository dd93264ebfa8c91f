import { ApiError } from './api-error.js';

/** An email address as codes are sent to it: trimmed, one `@`, a dot in the domain, no spaces. */
export function parseEmail(value: string): string {
  const email = value.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw ApiError.badRequest('"email" is not an email address.');
  return email;
}

/** A phone number in E.164 (`+` and 7 to 15 digits), as Authsignal takes it. */
export function parsePhoneNumber(value: string): string {
  const phoneNumber = value.replace(/[\s()-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(phoneNumber)) {
    throw ApiError.badRequest('"phoneNumber" must be in E.164 form, e.g. +64270000000.');
  }
  return phoneNumber;
}
