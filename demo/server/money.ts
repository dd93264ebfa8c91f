import { HttpError } from '../../shared/http-error.js';

/**
 * What an account with no way to confirm may send in 24 hours: the rules cannot step it up, so
 * the bank limits it instead. Accounts that can confirm follow the rules (demo/rules.json).
 */
export const NO_FACTOR_DAILY_LIMIT_CENTS = 5_000_00;
/** No single transfer may exceed this. */
export const MAX_TRANSFER_CENTS = 100_000_00;
export const STARTING_BALANCE_CENTS = 25_000_00;

/** Parses a JSON amount in dollars into whole cents: positive, at most two decimals, within the maximum. */
export function parseAmount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new HttpError(400, 'invalid_amount', 'The amount must be a number of dollars, such as 12.50.');
  }
  if (value <= 0) throw new HttpError(400, 'invalid_amount', 'The amount must be more than zero.');
  const cents = Math.round(value * 100);
  if (Math.abs(value * 100 - cents) > 1e-6) {
    throw new HttpError(400, 'invalid_amount', 'The amount can have at most two decimals.');
  }
  // 0.000000001 is more than zero and within a millionth of a cent of $0.00: not a transfer.
  if (cents < 1) throw new HttpError(400, 'invalid_amount', 'The amount must be at least $0.01.');
  if (cents > MAX_TRANSFER_CENTS) {
    throw new HttpError(
      400,
      'amount_too_large',
      `A single transfer can be at most ${formatCents(MAX_TRANSFER_CENTS)}.`,
    );
  }
  return cents;
}

export function formatCents(cents: number): string {
  return (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}

/**
 * A recipient name: NFC, trimmed, 1 to 64 characters, no control characters and no invisible
 * format characters (Unicode Cf: zero-width spaces and joiners, bidirectional overrides and
 * isolates), which would make one name look like another, or reorder what the person reads.
 */
export function parseRecipient(value: unknown): string {
  if (typeof value !== 'string') throw new HttpError(400, 'invalid_recipient', 'Enter who receives the money.');
  const recipient = value.normalize('NFC').trim();
  if (recipient.length === 0) throw new HttpError(400, 'invalid_recipient', 'Enter who receives the money.');
  if (recipient.length > 64)
    throw new HttpError(400, 'invalid_recipient', 'The recipient can be at most 64 characters.');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\p{Cf}]/u.test(recipient)) {
    throw new HttpError(400, 'invalid_recipient', 'The recipient contains characters that are not allowed.');
  }
  return recipient;
}
