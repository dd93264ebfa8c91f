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
