import { isbot } from 'isbot';
import UAParser from 'ua-parser-js';
import type { CompiledRules, IpAddressFacts } from './action-rules.js';
import type { ActionRecord, AuthenticatorRecord, UserRecord } from './model.js';
import { enrolledMethods } from './verification-methods.js';

/**
 * What a rule's conditions read, by Authsignal's names where they are known (`ip.isAnonymous` is
 * in its published rule examples; `device.isNew`, `device.isBot`, `ip.isUnrecognized` and
 * `ip.countryCode` follow the features of its rules builder: "Device is new", "Device is a bot",
 * "IP is unrecognized", "IP country code"). The emulator works out what it can from its own
 * records; what needs a lookup Authsignal does online (anonymous networks, countries) comes from
 * the rules' `ipAddresses`.
 */
export interface RuleFacts {
  /** The track's `custom` data points. */
  custom: Record<string, CustomValue | unknown>;
  user: {
    userId: string;
    email?: string;
    phoneNumber?: string;
    username?: string;
    displayName?: string;
    isEnrolled: boolean;
    enrolledVerificationMethods: string[];
  };
  device: {
    /** The track's `deviceId` (the browser SDK's anonymous id). */
    id?: string;
    /**
     * True unless this user proved it was them from this device before: an action of theirs
     * tracked with this `deviceId` succeeded a challenge, or was allowed while they had no way to
     * confirm yet. A track without a `deviceId` is on a new device: a rule must not be dodged by
     * leaving the id out.
     */
    isNew: boolean;
    /** The user agent is a known crawler or script (the `isbot` list). */
    isBot: boolean;
    userAgent?: string;
    browser: { name?: string; version?: string; major?: string };
    os: { name?: string; version?: string };
    /** `desktop`, or the parser's `mobile`, `tablet`, `console`, `smarttv`, `wearable`, `embedded`. */
    type: string;
  };
  ip: IpAddressFacts & {
    address?: string;
    /** As `device.isNew`, for the track's `ipAddress`. */
    isUnrecognized: boolean;
  };
  action: { code: string };
  valueLists: CompiledRules['valueLists'];
}

/**
 * Authsignal's custom data point types: number, text, boolean, multiselect (a list of text). The
 * track keeps whatever JSON the host sends (it comes back in `getAction`'s `output`); a condition
 * reads what is there by its path.
 */
export type CustomValue = number | string | boolean | string[];

const customData = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Actions after which a device or address counts as the user's own. */
const vouches = (action: ActionRecord): boolean =>
  action.state === 'CHALLENGE_SUCCEEDED' ||
  action.state === 'REVIEW_SUCCEEDED' ||
  (action.state === 'ALLOW' && action.enrolledAtTrack === false);

export interface TrackInput {
  actionCode: string;
  userId: string;
  user?: UserRecord;
  authenticators: AuthenticatorRecord[];
  /** The user's earlier actions (the one being tracked is not among them). */
  history: ActionRecord[];
  attributes: Record<string, unknown>;
}

export function ruleFacts(rules: CompiledRules, input: TrackInput): RuleFacts {
  const { attributes: a, authenticators, user } = input;
  const text = (key: string) => (typeof a[key] === 'string' && a[key] !== '' ? (a[key] as string) : undefined);
  const deviceId = text('deviceId');
  const ipAddress = text('ipAddress');
  const userAgent = text('userAgent');
  const vouched = input.history.filter(vouches);
  const ua = new UAParser(userAgent ?? '').getResult();
  const email = authenticators.find((x) => x.email)?.email ?? user?.email;
  const phoneNumber = authenticators.find((x) => x.phoneNumber)?.phoneNumber;
  return {
    custom: customData(a.custom),
    user: {
      userId: input.userId,
      ...(email ? { email } : {}),
      ...(phoneNumber ? { phoneNumber } : {}),
      ...(user?.username ? { username: user.username } : {}),
      ...(user?.displayName ? { displayName: user.displayName } : {}),
      isEnrolled: authenticators.length > 0,
      enrolledVerificationMethods: enrolledMethods(authenticators),
    },
    device: {
      ...(deviceId ? { id: deviceId } : {}),
      isNew: !deviceId || !vouched.some((action) => action.attributes.deviceId === deviceId),
      isBot: userAgent ? isbot(userAgent) : false,
      ...(userAgent ? { userAgent } : {}),
      browser: { name: ua.browser.name, version: ua.browser.version, major: ua.browser.major },
      os: { name: ua.os.name, version: ua.os.version },
      type: ua.device.type ?? 'desktop',
    },
    ip: {
      ...(ipAddress ? rules.ipAddresses.get(ipAddress) : undefined),
      ...(ipAddress ? { address: ipAddress } : {}),
      isUnrecognized: !ipAddress || !vouched.some((action) => action.attributes.ipAddress === ipAddress),
    },
    action: { code: input.actionCode },
    valueLists: rules.valueLists,
  };
}
