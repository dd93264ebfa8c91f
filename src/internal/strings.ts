import type { ManagerErrorCode, MethodErrorCode, PasskeyErrorCode } from './error-codes.js';

/** The strings every ceremony shows. */
export interface CeremonyStrings {
  /** Button label, when the default slot is empty. */
  button: string;
  working: string;
  success: string;
  cancelled: string;
  unsupported: string;
  retry: string;
  errors: Record<PasskeyErrorCode, string>;
}

/** Every visible string of `<passkey-enroll>`; override any of them with the `strings` property. */
export type PasskeyEnrollStrings = CeremonyStrings;

/** Every visible string of `<passkey-sign-in>`; override any of them with the `strings` property. */
export type PasskeySignInStrings = CeremonyStrings;

/** Every visible string of `<step-up-challenge>`; override any of them with the `strings` property. */
export interface StepUpChallengeStrings extends CeremonyStrings {
  /** Heading of the modal dialog. */
  title: string;
  /** Label of the dialog's close button. */
  close: string;
}

/**
 * The strings of `<step-up-challenge>`'s other methods (email, SMS, authenticator app) and of the
 * switch between methods. They load with those views, never before a passkey button paints: a
 * shipped language keeps them in a file of its own (`locales/methods/<code>.js`).
 */
export interface StepUpMethodStrings {
  /** Opens the list of the other methods. */
  otherMethods: string;
  /** Heading of that list. */
  chooseMethod: string;
  /** Leaves the list for the method in use. */
  back: string;
  /** Each method's name in the list. */
  methodPasskey: string;
  methodEmail: string;
  methodSms: string;
  methodApp: string;
  /** The buttons that send a code. */
  sendEmail: string;
  sendSms: string;
  /** Status once a code was sent. */
  sentEmail: string;
  sentSms: string;
  /** The code field's label, per method. */
  codeLabelEmail: string;
  codeLabelSms: string;
  codeLabelApp: string;
  /** Submits the code. */
  verify: string;
  /** Sends a new code. */
  resend: string;
  /** The same while it waits; `{seconds}` is replaced by the seconds left. */
  resendIn: string;
  /** Status while a code is sent, and while one is checked. */
  sending: string;
  verifying: string;
  errors: Record<MethodErrorCode, string>;
}

/**
 * Every visible string of `<passkey-manager>`; override any of them with the `strings` property.
 * `{name}` is an authenticator's name, `{date}` a date in the element's language. The step-up a
 * change asks for shows `<step-up-challenge>`'s strings.
 */
export interface PasskeyManagerStrings {
  /** The list's accessible name. */
  listLabel: string;
  /** While the list loads. */
  loading: string;
  /** The list is empty. */
  empty: string;
  /** A passkey whose maker is unknown. */
  passkey: string;
  /** The other methods' names in the list. */
  methodEmail: string;
  methodSms: string;
  methodApp: string;
  /** When an authenticator was added, and last used. */
  added: string;
  lastUsed: string;
  /** A passkey the SDK's record says this browser holds. */
  thisDevice: string;
  /** The buttons that start adding each method. */
  addPasskey: string;
  addEmail: string;
  addSms: string;
  addApp: string;
  /** The remove button, and its accessible name. */
  remove: string;
  removeLabel: string;
  /** The confirmation before a removal, and its button. */
  confirmRemove: string;
  confirmRemoveButton: string;
  /** Leaves a change (nothing is changed). */
  cancel: string;
  /** The new passkey's prompt was dismissed. */
  cancelled: string;
  /** Why the only authenticator has no remove button. */
  lastOne: string;
  /** What the step-up of an addition and of a removal confirms. */
  stepUpAdd: string;
  stepUpRemove: string;
  /** The address and phone fields, and the button that sends them a code. */
  emailLabel: string;
  phoneLabel: string;
  sendCode: string;
  /** The code field's label (email, SMS), the app's, and the button that checks it. */
  codeLabel: string;
  codeLabelApp: string;
  verify: string;
  /** Sends the new address or phone another code. */
  resend: string;
  /** The authenticator app's set-up: what to do, the QR code's text alternative, the key's label. */
  appScan: string;
  qrLabel: string;
  appKey: string;
  /** Status while a step runs, and after a change. */
  working: string;
  changeAdded: string;
  changeRemoved: string;
  errors: Record<ManagerErrorCode, string>;
}

/** What the `strings` property takes: any subset of the keys (and of the error messages), and no other key. */
export type PartialStrings<T> = { [K in keyof T]?: T[K] extends Record<string, string> ? Partial<T[K]> : T[K] };

/**
 * A whole language for the elements, for `registerTranslation()`. Every key is required, so a
 * translation that misses one does not compile.
 */
export interface PasskeyTranslation {
  /** Writing direction of the language: the elements mirror their layout for `rtl`. */
  dir: 'ltr' | 'rtl';
  passkeyEnroll: PasskeyEnrollStrings;
  stepUpChallenge: StepUpChallengeStrings;
  /** The step-up's code-based methods; without them, the shipped ones for the language, else English. */
  stepUpMethods?: StepUpMethodStrings;
  /**
   * `<passkey-sign-in>`; without it, English. Optional, so that translations written before the
   * element still compile, and English sign-in strings load only with the sign-in element.
   */
  passkeySignIn?: PasskeySignInStrings;
  /**
   * `<passkey-manager>`; without it, the shipped ones for the language (a file of their own,
   * `locales/manager/<code>.js`), else English.
   */
  passkeyManager?: PasskeyManagerStrings;
}

/** Defaults with overrides applied; nested error messages merge key by key. */
export function mergeStrings<T extends { errors: Record<string, string> }>(
  defaults: T,
  overrides?: PartialStrings<T>,
): T {
  if (!overrides) return defaults;
  return { ...defaults, ...overrides, errors: { ...defaults.errors, ...overrides.errors } } as T;
}
