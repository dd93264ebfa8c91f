import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES_FILE, startDemoServer } from '../../demo/server/demo-server.js';
import { loadRulesFile } from '../../emulator/index.js';
import { DemoClient } from '../node/support/demo-client.js';
import { SectionReport } from './support/report.js';

/**
 * Concurrency: what a double click, a retrying client or an attacker racing the bank does, with
 * the real password hasher and a data file. Each race runs several rounds: a race that is lost
 * once in a while is lost.
 */
const ROUNDS = 5;

const tally = (statuses: number[]) =>
  Object.entries(statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {}))
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');

/** The rounds' outcomes: one line when they all agree, each otherwise. */
const rounds = (lines: string[]) =>
  new Set(lines).size === 1 ? `${lines.length} rounds, each: ${lines[0]}` : lines.join(' | ');

export async function concurrency(): Promise<SectionReport> {
  const report = new SectionReport('concurrency');
  const dir = mkdtempSync(join(tmpdir(), 'reliability-concurrency-'));
  // No confirmation limit, so that every one of the 50 confirmations reaches the check.
  const demo = await startDemoServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    confirmsPerMinute: 10_000,
    signInsPerAddressPerMinute: 10_000,
  });
  try {
    const confirmRounds: string[] = [];
    let confirmsOk = true;
    for (let round = 0; round < ROUNDS; round++) {
      const client = new DemoClient(demo.url);
      await client.signIn(`confirm-${round}`);
      await client.enrollPasskey();
      const created = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 8000 });
      const token = await client.stepUp(created.data.token);
      const statuses = await Promise.all(
        Array.from({ length: 50 }, () =>
          client.request('POST', `/api/transfers/${created.data.id}/confirm`, { token }).then((r) => r.status),
        ),
      );
      const account = (await client.request('GET', '/api/account')).data;
      const executed = account.transfers.filter((t: { status: string }) => t.status === 'executed').length;
      const ok =
        statuses.filter((s) => s === 200).length === 1 &&
        statuses.every((s) => s === 200 || s === 409) &&
        executed === 1 &&
        account.balance === 17000;
      confirmsOk &&= ok;
      confirmRounds.push(`${tally(statuses)}, balance ${account.balance}`);
    }
    report.check(
      `50 concurrent confirms of one transfer execute it once (${ROUNDS} rounds)`,
      confirmsOk,
      confirmRounds[0],
    );
    report.row('concurrency: 50 confirms of one $8,000 transfer', rounds(confirmRounds));

    const signInRounds: string[] = [];
    let signInsOk = true;
    for (let round = 0; round < ROUNDS; round++) {
      const clients = Array.from({ length: 10 }, () => new DemoClient(demo.url));
      const statuses = await Promise.all(
        clients.map((c, i) => c.signIn(`first-${round}`, `password ${i} of ${round}`).then((r) => r.status)),
      );
      const sessions = await Promise.all(clients.map((c) => c.request('GET', '/api/account').then((r) => r.status)));
      const ok =
        statuses.filter((s) => s === 201).length === 1 &&
        statuses.every((s) => s === 201 || s === 401 || s === 429) &&
        sessions.filter((s) => s === 200).length === 1;
      signInsOk &&= ok;
      signInRounds.push(`${tally(statuses)}; ${sessions.filter((s) => s === 200).length} session`);
    }
    report.check(
      `10 concurrent first sign-ins of one username give one session (${ROUNDS} rounds)`,
      signInsOk,
      signInRounds.join(' | '),
    );
    report.row('concurrency: 10 first sign-ins, one username, 10 passwords', rounds(signInRounds));

    // The demo's rules: an account with a passkey, on its own device. Past $10,000 in 24 hours a
    // transfer waits for a step-up, however many are sent at once: 16 of 50 × $600 go, 34 wait.
    const spender = new DemoClient(demo.url);
    await spender.signIn('spender');
    await spender.enrollPasskey();
    const send = (client: DemoClient) =>
      Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          client.request('POST', '/api/transfers', { recipient: `R${i}`, amount: 600 }).then((r) => r.status),
        ),
      );
    const limited = await send(spender);
    const limitedBalance = (await spender.request('GET', '/api/account')).data.balance as number;
    report.check(
      '50 concurrent $600 transfers under the demo rules: 16 sent, 34 wait for a step-up, balance exact',
      limited.filter((s) => s === 201).length === 16 &&
        limited.filter((s) => s === 202).length === 34 &&
        limitedBalance === 25000 - 16 * 600,
      `${tally(limited)}, balance ${limitedBalance}`,
    );
    report.row('concurrency: 50 × $600 at once, demo rules', `${tally(limited)} · balance $${limitedBalance}`);

    // No transfer rules (every transfer allowed): the balance is the only limit, and it holds exactly.
    demo.emulator!.setRules({
      actions: { ...loadRulesFile(RULES_FILE).actions, transfer: { defaultUserActionResult: 'ALLOW' } },
    });
    const rich = new DemoClient(demo.url);
    await rich.signIn('rich-spender');
    await rich.enrollPasskey();
    const transfers = await send(rich);
    const balance = (await rich.request('GET', '/api/account')).data.balance as number;
    const sent = transfers.filter((s) => s === 201).length;
    report.check(
      '50 concurrent $600 transfers from $25,000, every one allowed: 41 sent, 9 refused, balance exact',
      sent === 41 && transfers.filter((s) => s === 400).length === 9 && balance === 25000 - sent * 600,
      `${tally(transfers)}, balance ${balance}`,
    );
    report.row('concurrency: 50 × $600 from $25,000 at once, all allowed', `${tally(transfers)} · balance $${balance}`);
    Object.assign(report.figures, {
      rounds: ROUNDS,
      confirms: { concurrent: 50, perRound: confirmRounds },
      firstSignIns: { concurrent: 10, perRound: signInRounds },
      transfers: { concurrent: 50, amount: 600, statuses: tally(transfers), balance },
      transfersUnderRules: { concurrent: 50, amount: 600, statuses: tally(limited), balance: limitedBalance },
    });
  } finally {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
