import { normalizeEmail, normalizePhoneNumber } from '../shared/contact.js';
import { ApiError } from './api-error.js';

/** An email address as codes are sent to it (see shared/contact.ts), or a 400. */
export function parseEmail(value: string): string {
  const email = normalizeEmail(value);
  if (!email) throw ApiError.badRequest('"email" is not an email address.');
  return email;
}

/** A phone number in E.164, as Authsignal takes it, or a 400. */
export function parsePhoneNumber(value: string): string {
  const phoneNumber = normalizePhoneNumber(value);
  if (!phoneNumber) throw ApiError.badRequest('"phoneNumber" must be in E.164 form, e.g. +64270000000.');
  return phoneNumber;
}

/**
 * An address as a challenge screen shows it ("Enter the code sent to a•••@example.com"): enough
 * for the person to recognise, not enough for someone who holds only a track token (a stolen
 * password's) to learn it.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

/** A phone number as a challenge screen shows it: the country code's first digits and the last two. */
export function maskPhoneNumber(phoneNumber: string): string {
  return `${phoneNumber.slice(0, 3)}${'•'.repeat(Math.max(phoneNumber.length - 5, 0))}${phoneNumber.slice(-2)}`;
}
