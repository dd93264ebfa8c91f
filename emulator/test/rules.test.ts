import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type ActionRules, type Rule, type RuleType } from '../index.js';
import type { SoftAuthenticator } from './support/soft-authenticator.js';
import { TestEmulator } from './support/test-emulator.js';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

const rule = (name: string, priority: number, type: RuleType, conditions: unknown, extra: object = {}): Rule => ({
  name,
  priority,
  isActive: true,
  type,
  conditions,
  ...extra,
});

/** One action per kind of condition, each with a single rule that challenges when it holds. */
const RULES: ActionRules = {
  actions: {
    transfer: {
      defaultUserActionResult: 'ALLOW',
      verificationMethods: ['PASSKEY', 'EMAIL_OTP', 'SMS'],
      rules: [
        // Listed first, applied second: priority decides, not the order in the file.
        rule('Large amount', 5, 'CHALLENGE', { '>': [{ var: 'custom.amount' }, 5000] }, { description: 'Over $5,000' }),
        rule('Very large amount', 0, 'BLOCK', { '>': [{ var: 'custom.amount' }, 15000] }),
        rule('Switched off', 1, 'BLOCK', true, { isActive: false }),
        rule('Under review', 2, 'REVIEW', { '==': [{ var: 'custom.recipient' }, 'Mallory'] }),
        rule(
          'Email only for new payees',
          3,
          'CHALLENGE',
          { '==': [{ var: 'custom.isNewRecipient' }, true] },
          { verificationMethods: ['EMAIL_OTP', 'SMS'], defaultVerificationMethod: 'SMS', ruleId: 'rule-from-the-file' },
        ),
      ],
    },
    tags: {
      defaultUserActionResult: 'ALLOW',
      rules: [rule('Crypto', 0, 'CHALLENGE', { in: ['crypto', { var: 'custom.tags' }] })],
    },
    lists: {
      defaultUserActionResult: 'ALLOW',
      rules: [
        rule('Watched recipient', 0, 'CHALLENGE', { in: [{ var: 'custom.recipient' }, { var: 'valueLists.watched' }] }),
        rule('Watched branch', 1, 'CHALLENGE', { in: [{ var: 'custom.branch' }, { var: 'valueLists.branches' }] }),
      ],
    },
    device: {
      defaultUserActionResult: 'ALLOW',
      rules: [rule('New device', 0, 'CHALLENGE', { '==': [{ var: 'device.isNew' }, true] })],
    },
    network: {
      defaultUserActionResult: 'ALLOW',
      rules: [
        rule('Anonymous network', 0, 'BLOCK', { '==': [{ var: 'ip.isAnonymous' }, true] }),
        rule('Abroad', 1, 'CHALLENGE', { '!=': [{ var: 'ip.countryCode' }, 'NZ'] }),
        rule('New address', 2, 'REVIEW', { var: 'ip.isUnrecognized' }),
      ],
    },
    agent: {
      defaultUserActionResult: 'ALLOW',
      rules: [
        rule('Bot', 0, 'BLOCK', { var: 'device.isBot' }),
        rule('Phone', 1, 'CHALLENGE', {
          and: [{ '==': [{ var: 'device.type' }, 'mobile'] }, { '==': [{ var: 'device.os.name' }, 'iOS'] }],
        }),
        rule('Old Chrome', 2, 'CHALLENGE', {
          and: [{ '==': [{ var: 'device.browser.name' }, 'Chrome'] }, { '<': [{ var: 'device.browser.major' }, 120] }],
        }),
      ],
    },
    profile: {
      defaultUserActionResult: 'CHALLENGE',
      rules: [
        rule('No passkey yet', 0, 'BLOCK', { '!': { in: ['PASSKEY', { var: 'user.enrolledVerificationMethods' }] } }),
        rule('Staff', 1, 'ALLOW', { in: ['@bank.example', { var: 'user.email' }] }),
      ],
    },
  },
  valueLists: { watched: ['Mallory', 'Trudy'], branches: [4, 8, 15] },
  ipAddresses: {
    '203.0.113.66': { isAnonymous: true },
    '198.51.100.7': { countryCode: 'NZ' },
    '192.0.2.1': { countryCode: 'AU' },
  },
};

describe('emulator: Authsignal rules through @authsignal/node', () => {
  let t: TestEmulator;
  let users = 0;
  before(async () => (t = await TestEmulator.start({ rules: RULES })));
  after(() => t.close());

  const enrolled = async (): Promise<{ userId: string; authenticator: SoftAuthenticator }> => {
    const userId = `rules-${++users}`;
    return { userId, authenticator: await t.enrolledUser(userId) };
  };
  const track = (userId: string, action: string, attributes: Record<string, unknown> = {}) =>
    t.server.track({ userId, action, attributes });

  /** A passkey step-up of a tracked action, as the browser SDK does it. */
  const passkeyStepUp = async (token: string, authenticator: SoftAuthenticator) => {
    const { challengeId, options } = await t.authenticationOptions({ token });
    const response = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: authenticator.authenticate(options), challengeId },
      { token },
    );
    assert.equal(response.json.isVerified, true, JSON.stringify(response.json));
  };

  it('applies the first active rule by priority, 0 first, and the default when none holds', async () => {
    const { userId } = await enrolled();
    const small = await track(userId, 'transfer', { custom: { amount: 100 } });
    assert.equal(small.state, 'ALLOW');
    assert.deepEqual(small.ruleIds, []);
    const large = await track(userId, 'transfer', { custom: { amount: 6000 } });
    assert.equal(large.state, 'CHALLENGE_REQUIRED');
    // Both the BLOCK (priority 0) and the CHALLENGE (priority 5) hold: the BLOCK decides.
    const huge = await track(userId, 'transfer', { custom: { amount: 20000 } });
    assert.equal(huge.state, 'BLOCK');
    assert.notDeepEqual(huge.ruleIds, large.ruleIds);
    // "Switched off" would block everything at priority 1: inactive, it never decides.
    assert.equal((await track(userId, 'transfer', { custom: { amount: 1 } })).state, 'ALLOW');
    // An action code without a configuration: the emulator's default, ALLOW.
    assert.equal((await track(userId, 'unconfigured')).state, 'ALLOW');
  });

  it('answers REVIEW as REVIEW_REQUIRED, and the rule in ruleIds and in getAction', async () => {
    const { userId } = await enrolled();
    const review = await track(userId, 'transfer', { custom: { amount: 10, recipient: 'Mallory' } });
    assert.equal(review.state, 'REVIEW_REQUIRED');
    assert.equal(review.ruleIds!.length, 1);
    assert.match(review.ruleIds![0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const large = await track(userId, 'transfer', { idempotencyKey: 'large-1', custom: { amount: 6000 } });
    const action = await t.server.getAction({ userId, action: 'transfer', idempotencyKey: 'large-1' });
    assert.deepEqual(action.rules, [{ ruleId: large.ruleIds![0], name: 'Large amount', description: 'Over $5,000' }]);
    assert.deepEqual(action.output, { amount: 6000 });
    // The same rule has the same id in another emulator started with the same rules.
    const other = await TestEmulator.start({ rules: RULES });
    try {
      await other.enrolledUser('same');
      const again = await other.server.track({
        userId: 'same',
        action: 'transfer',
        attributes: { custom: { amount: 6000 } },
      });
      assert.deepEqual(again.ruleIds, large.ruleIds);
    } finally {
      await other.close();
    }
  });

  it("permits the rule's methods that the user has, in its order, with its default method", async () => {
    const { userId } = await enrolled();
    // The rule permits EMAIL_OTP and SMS; the user has only a passkey: nothing to offer.
    const none = await track(userId, 'transfer', { custom: { isNewRecipient: true } });
    assert.equal(none.state, 'CHALLENGE_REQUIRED');
    assert.deepEqual(none.ruleIds, ['rule-from-the-file']);
    assert.deepEqual(none.allowedVerificationMethods, []);
    await t.server.enrollVerifiedAuthenticator({
      userId,
      attributes: { verificationMethod: 'SMS' as never, phoneNumber: '+64275550100' },
    });
    await t.server.enrollVerifiedAuthenticator({
      userId,
      attributes: { verificationMethod: 'EMAIL_OTP' as never, email: 'r@example.com' },
    });
    const both = await track(userId, 'transfer', { custom: { isNewRecipient: true } });
    assert.deepEqual(both.enrolledVerificationMethods, ['PASSKEY', 'EMAIL_OTP', 'SMS']);
    assert.deepEqual(both.allowedVerificationMethods, ['EMAIL_OTP', 'SMS']);
    assert.equal(both.defaultVerificationMethod, 'SMS');
    // The action's own methods when the deciding rule names none; a passkey first where allowed.
    const large = await track(userId, 'transfer', { custom: { amount: 6000 } });
    assert.deepEqual(large.allowedVerificationMethods, ['PASSKEY', 'EMAIL_OTP', 'SMS']);
    assert.equal(large.defaultVerificationMethod, 'PASSKEY');
  });

  it('answers a user with no authenticator under a CHALLENGE as before: ALLOW, not enrolled', async () => {
    const userId = `rules-${++users}`;
    const r = await track(userId, 'transfer', { custom: { amount: 6000 } });
    assert.equal(r.state, 'ALLOW');
    assert.equal(r.isEnrolled, false);
    assert.equal(r.ruleIds!.length, 1);
    assert.equal((await track(userId, 'transfer', { custom: { amount: 20000 } })).state, 'BLOCK');
  });

  it('keeps the first decision when an action is tracked again with its idempotency key', async () => {
    const { userId } = await enrolled();
    const first = await track(userId, 'transfer', { idempotencyKey: 'again', custom: { amount: 6000 } });
    // A fresh token for the same action, without the custom data: still the same decision.
    const again = await track(userId, 'transfer', { idempotencyKey: 'again' });
    assert.equal(again.state, 'CHALLENGE_REQUIRED');
    assert.deepEqual(again.ruleIds, first.ruleIds);
    assert.deepEqual(again.allowedVerificationMethods, first.allowedVerificationMethods);
  });

  it('reads multiselect custom data and value lists of text and of numbers', async () => {
    const { userId } = await enrolled();
    assert.equal((await track(userId, 'tags', { custom: { tags: ['bills', 'crypto'] } })).state, 'CHALLENGE_REQUIRED');
    assert.equal((await track(userId, 'tags', { custom: { tags: ['bills'] } })).state, 'ALLOW');
    assert.equal((await track(userId, 'lists', { custom: { recipient: 'Trudy' } })).state, 'CHALLENGE_REQUIRED');
    assert.equal((await track(userId, 'lists', { custom: { recipient: 'Bob' } })).state, 'ALLOW');
    assert.equal((await track(userId, 'lists', { custom: { branch: 15 } })).state, 'CHALLENGE_REQUIRED');
    assert.equal((await track(userId, 'lists', { custom: { branch: 16 } })).state, 'ALLOW');
  });

  it('keeps custom data of any JSON shape, as Authsignal does; conditions read it by path', async () => {
    const { userId } = await enrolled();
    const custom = { amount: 6000, cart: { items: [{ sku: 'a' }] } };
    const r = await track(userId, 'transfer', { idempotencyKey: 'any-custom', custom });
    assert.equal(r.state, 'CHALLENGE_REQUIRED');
    const action = await t.server.getAction({ userId, action: 'transfer', idempotencyKey: 'any-custom' });
    assert.deepEqual(action.output, custom);
    // Not an object: no data points for the rules to read, and the default decides.
    assert.equal((await track(userId, 'transfer', { custom: 'text' })).state, 'ALLOW');
  });

  it('counts a device as new until a challenge succeeds from it; no device id is a new device', async () => {
    const { userId, authenticator } = await enrolled();
    const first = await track(userId, 'device', { deviceId: 'laptop' });
    assert.equal(first.state, 'CHALLENGE_REQUIRED');
    // Tracked, not proved: still new. An ALLOW of another action from it proves nothing either.
    assert.equal((await track(userId, 'unconfigured', { deviceId: 'laptop' })).state, 'ALLOW');
    assert.equal((await track(userId, 'device', { deviceId: 'laptop' })).state, 'CHALLENGE_REQUIRED');
    await passkeyStepUp(first.token, authenticator);
    assert.equal((await track(userId, 'device', { deviceId: 'laptop' })).state, 'ALLOW');
    assert.equal((await track(userId, 'device', { deviceId: 'phone' })).state, 'CHALLENGE_REQUIRED');
    assert.equal((await track(userId, 'device')).state, 'CHALLENGE_REQUIRED');
    // Per user: another user's proof on that device is not this one's.
    const other = await enrolled();
    assert.equal((await track(other.userId, 'device', { deviceId: 'laptop' })).state, 'CHALLENGE_REQUIRED');
  });

  it('knows a device from before the user could confirm: what it allowed then counts', async () => {
    const userId = `rules-${++users}`;
    assert.equal((await track(userId, 'unconfigured', { deviceId: 'first-laptop' })).state, 'ALLOW');
    await t.enrolledUser(userId);
    assert.equal((await track(userId, 'device', { deviceId: 'first-laptop' })).state, 'ALLOW');
    assert.equal((await track(userId, 'device', { deviceId: 'stranger' })).state, 'CHALLENGE_REQUIRED');
  });

  it('reads the facts set per address, and an address new for the user', async () => {
    const { userId, authenticator } = await enrolled();
    assert.equal((await track(userId, 'network', { ipAddress: '203.0.113.66' })).state, 'BLOCK');
    assert.equal((await track(userId, 'network', { ipAddress: '192.0.2.1' })).state, 'CHALLENGE_REQUIRED');
    const home = await track(userId, 'network', { ipAddress: '198.51.100.7' });
    assert.equal(home.state, 'REVIEW_REQUIRED', 'in NZ, but new for this user');
    const proof = await track(userId, 'device', { ipAddress: '198.51.100.7' });
    await passkeyStepUp(proof.token, authenticator);
    assert.equal((await track(userId, 'network', { ipAddress: '198.51.100.7' })).state, 'ALLOW');
  });

  it("reads the user agent's parts and bots", async () => {
    const { userId } = await enrolled();
    assert.equal((await track(userId, 'agent', { userAgent: GOOGLEBOT })).state, 'BLOCK');
    assert.equal((await track(userId, 'agent', { userAgent: IPHONE })).state, 'CHALLENGE_REQUIRED');
    assert.equal((await track(userId, 'agent', { userAgent: CHROME })).state, 'ALLOW');
    const old = CHROME.replace('156.0.0.0', '110.0.0.0');
    assert.equal((await track(userId, 'agent', { userAgent: old })).state, 'CHALLENGE_REQUIRED');
  });

  it("reads the user's methods and email, and the action's default when no rule holds", async () => {
    const staff = `rules-${++users}`;
    await t.server.enrollVerifiedAuthenticator({
      userId: staff,
      attributes: { verificationMethod: 'EMAIL_OTP' as never, email: 'ann@bank.example' },
    });
    assert.equal((await track(staff, 'profile')).state, 'BLOCK', 'no passkey yet');
    await t.enrolledUser(staff);
    assert.equal((await track(staff, 'profile')).state, 'ALLOW', 'staff');
    const { userId } = await enrolled();
    assert.equal((await track(userId, 'profile')).state, 'CHALLENGE_REQUIRED', 'the default');
  });

  it('switches a rule on while running; rules it cannot apply are refused and change nothing', async () => {
    const own = await startEmulator({
      port: 0,
      printOutbox: false,
      rules: { actions: { pay: { defaultUserActionResult: 'ALLOW' } } },
    });
    try {
      const other = new TestEmulator();
      other.emulator = own;
      other.server = new (await import('@authsignal/node')).Authsignal({ apiSecretKey: own.secret, apiUrl: own.url });
      await other.enrolledUser('switch');
      const pay = () => other.server.track({ userId: 'switch', action: 'pay', attributes: { custom: { amount: 50 } } });
      assert.equal((await pay()).state, 'ALLOW');
      own.setRules({
        actions: {
          pay: {
            defaultUserActionResult: 'ALLOW',
            rules: [rule('Any amount', 0, 'CHALLENGE', { '>': [{ var: 'custom.amount' }, 0] })],
          },
        },
      });
      assert.equal((await pay()).state, 'CHALLENGE_REQUIRED');
      assert.throws(
        () =>
          own.setRules({
            actions: { pay: { defaultUserActionResult: 'ALLOW', rules: [rule('Typo', 0, 'BLOCK', { '>>': [1, 0] })] } },
          }),
        /rules\[0\] \("Typo"\)\.conditions is not valid JsonLogic \(Unknown Operator ">>"\)/,
      );
      assert.equal((await pay()).state, 'CHALLENGE_REQUIRED', 'the rules before the refused ones');
    } finally {
      await own.close();
    }
  });

  it('refuses malformed rules at start with a message naming the action, the rule and the bad part', async () => {
    const action = (rules: unknown[], extra: object = {}) => ({
      actions: { pay: { defaultUserActionResult: 'ALLOW', rules, ...extra } },
    });
    const cases: [unknown, RegExp][] = [
      [
        action([rule('Bad op', 0, 'BLOCK', { nope: [1] })]),
        /actions\["pay"\]\.rules\[0\] \("Bad op"\)\.conditions is not valid JsonLogic \(Unknown Operator "nope"\)/,
      ],
      [action([rule('Throws', 0, 'BLOCK', { throw: 'x' })]), /\("Throws"\)\.conditions is not valid JsonLogic/],
      [
        action([{ name: 'No conditions', priority: 0, isActive: true, type: 'BLOCK' }]),
        /\("No conditions"\)\.conditions is missing/,
      ],
      [
        action([rule('Odd type', 0, 'DENY' as RuleType, true)]),
        /\("Odd type"\)\.type must be one of ALLOW, CHALLENGE, REVIEW, BLOCK; got "DENY"/,
      ],
      [action([rule('Odd priority', -1, 'BLOCK', true)]), /\("Odd priority"\)\.priority must be a whole number 0–99/],
      [action([rule('Maybe', 0, 'BLOCK', true, { isActive: 'yes' })]), /\("Maybe"\)\.isActive must be true or false/],
      [action([rule('Twice', 0, 'BLOCK', true), rule('Twice', 1, 'ALLOW', true)]), /has two rules named "Twice"/],
      [
        action([rule('Odd method', 0, 'CHALLENGE', true, { verificationMethods: ['CARRIER_PIGEON'] })]),
        /\("Odd method"\)\.verificationMethods must be a non-empty list/,
      ],
      [action([rule('Typo key', 0, 'BLOCK', true, { prority: 1 })]), /\("Typo key"\) has an unknown key "prority"/],
      [
        action([{ priority: 0, isActive: true, type: 'BLOCK', conditions: true }]),
        /rules\[0\]\.name must be a non-empty string/,
      ],
      [{ actions: { pay: { rules: [] } } }, /actions\["pay"\]\.defaultUserActionResult must be one of/],
      [
        { actions: { pay: { defaultUserActionResult: 'ALLOW' } }, valueLists: { mixed: ['a', 1] } },
        /valueLists\["mixed"\] must hold strings only or numbers only/,
      ],
      [
        { ipAddresses: { '192.0.2.1': { countryCode: 'New Zealand' } } },
        /ipAddresses\["192\.0\.2\.1"\]\.countryCode must be an ISO 3166 alpha-2 code/,
      ],
    ];
    for (const [rules, message] of cases) {
      await assert.rejects(
        () => startEmulator({ port: 0, rules: rules as ActionRules }),
        message,
        JSON.stringify(rules),
      );
    }
  });
});
