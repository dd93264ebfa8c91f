import { expect } from '@open-wc/testing';
import { emulator } from '../../testing/browser.js';

const overAHundred = {
  actions: {
    'kit-pay': {
      defaultUserActionResult: 'ALLOW' as const,
      rules: [
        {
          name: 'Over $100',
          priority: 0,
          isActive: true,
          type: 'BLOCK' as const,
          conditions: { '>': [{ var: 'custom.amount' }, 100] },
        },
      ],
    },
  },
};

// What an integrator's browser test does to try one of its own rules against its page.
describe("passkey-elements/testing: the emulator's rules, switched during the run", () => {
  afterEach(() => emulator.setRules());
  const pay = (userId: string, amount: number) =>
    emulator.track({ userId, action: 'kit-pay', attributes: { custom: { amount } } });

  it('switches a rule on from a test, and the plugin’s rules back with setRules()', async () => {
    const userId = `kit-rules-${crypto.randomUUID()}`;
    expect((await pay(userId, 500)).state).to.equal('ALLOW');
    await emulator.setRules(overAHundred);
    const blocked = await pay(userId, 500);
    expect(blocked.state).to.equal('BLOCK');
    expect(blocked.ruleIds).to.have.length(1);
    expect((await pay(userId, 50)).state).to.equal('ALLOW');
    await emulator.setRules();
    expect((await pay(userId, 500)).state).to.equal('ALLOW');
    // The plugin's own rules are back: its blocked action blocks again.
    expect((await emulator.track({ userId, action: 'delete-account' })).state).to.equal('BLOCK');
  });

  it('refuses rules it cannot apply, naming the rule, and keeps the ones it has', async () => {
    await emulator.setRules(overAHundred);
    const typo = {
      actions: {
        'kit-pay': {
          defaultUserActionResult: 'ALLOW' as const,
          rules: [{ name: 'Typo', priority: 0, isActive: true, type: 'BLOCK' as const, conditions: { '>>': [1, 0] } }],
        },
      },
    };
    let refused: unknown;
    await emulator.setRules(typo).catch((error: unknown) => (refused = error));
    expect(String(refused)).to.match(/"Typo"\)\.conditions is not valid JsonLogic/);
    expect((await pay(`kit-rules-${crypto.randomUUID()}`, 500)).state).to.equal('BLOCK');
  });
});
