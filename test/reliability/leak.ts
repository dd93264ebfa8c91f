import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { enrollThroughPage, pageWithAuthenticator } from './support/browser.js';
import { startLab, type Lab } from '../../bench/lab.js';
import { round, SectionReport } from './support/report.js';

/**
 * Leak: mount/unmount cycles of every element variant with garbage collection forced before each
 * reading. One retained element costs far more than the bounds below: the control (a page that
 * keeps each removed element) measures about 2.6 kB of heap and 24 nodes per element. So a leak of
 * even one element in ten cycles fails, while the engine's own noise (inline caches, compiled code
 * settling after warm-up) stays at a few tens of bytes per cycle.
 */
const HEAP_BYTES_PER_CYCLE = 256;
const NODES_PER_CYCLE = 0.05;
const LISTENERS_PER_CYCLE = 0.05;
const WARM_UP = 50;
const CONTROL_CYCLES = 200;

interface Metrics {
  heap: number;
  nodes: number;
  listeners: number;
}

async function measure(cdp: CDPSession): Promise<Metrics> {
  // Twice: the first pass can leave objects that only its finalizers released.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { heap: value('JSHeapUsedSize'), nodes: value('Nodes'), listeners: value('JSEventListeners') };
}

const VARIANTS: { name: string; variant: string; tag: string }[] = [
  { name: '<passkey-enroll>, no token', variant: 'plain', tag: 'passkey-enroll' },
  { name: '<passkey-enroll>, token', variant: 'token', tag: 'passkey-enroll' },
  { name: '<passkey-enroll>, token-url', variant: 'token-url', tag: 'passkey-enroll' },
  { name: '<step-up-challenge>, no token', variant: 'plain', tag: 'step-up-challenge' },
  { name: '<step-up-challenge>, token', variant: 'token', tag: 'step-up-challenge' },
  { name: '<step-up-challenge>, token-url', variant: 'token-url', tag: 'step-up-challenge' },
  { name: '<step-up-challenge modal>, opened and closed', variant: 'modal', tag: 'step-up-challenge' },
  { name: '<step-up-challenge>, after a completed step-up', variant: 'completed', tag: 'step-up-challenge' },
  {
    name: '<passkey-sign-in autofill>, its request pending, then removed',
    variant: 'autofill',
    tag: 'passkey-sign-in',
  },
  { name: '<passkey-enroll>, after a completed enrollment', variant: 'completed', tag: 'passkey-enroll' },
  { name: '<passkey-manager>, its list read from the API', variant: 'list', tag: 'passkey-manager' },
];

/** Tokens for `count` completed ceremonies of one kind, tracked ahead so that only the page is measured. */
async function tokensFor(lab: Lab, tag: string, users: Users, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    // Each enrollment is a new user: a second passkey of one user would need another scope and
    // the authenticator would refuse a second credential for the same account.
    const track =
      tag === 'passkey-enroll'
        ? await lab.node.track({ userId: `${users.prefix}-${++users.enrolled}`, action: 'enroll-passkey' })
        : await lab.node.track({ userId: users.stepUp, action: 'high-value-transfer' });
    tokens.push(track.token);
  }
  return tokens;
}

/** The user with a passkey on the page's authenticator, and a counter for new users to enroll. */
interface Users {
  stepUp: string;
  prefix: string;
  enrolled: number;
}

/** The page and its authenticator (Chromium's virtual one stores at most 3 resident credentials). */
interface Bench {
  page: Page;
  cdp: CDPSession;
  authenticatorId: string;
}

async function cycles(
  { page, cdp, authenticatorId }: Bench,
  lab: Lab,
  v: (typeof VARIANTS)[number],
  users: Users,
  count: number,
) {
  const enrolling = v.variant === 'completed' && v.tag === 'passkey-enroll';
  // In batches: one long evaluate call could meet the protocol timeout. New passkeys in batches
  // of 3, the most Chromium's virtual authenticator keeps (so enrollment runs last: this also
  // drops the step-up user's passkey).
  const size = enrolling ? 3 : 100;
  for (let done = 0; done < count; done += size) {
    const batch = Math.min(size, count - done);
    if (enrolling) await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
    const tokens = v.variant === 'completed' ? await tokensFor(lab, v.tag, users, batch) : [];
    // Autofill's conditional request must stay pending until the element goes.
    const pending = v.variant === 'autofill';
    if (pending) await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled: false });
    const left = await page.evaluate(
      (variant, tag, n, t) =>
        (window as unknown as { cycles(...a: unknown[]): Promise<number> }).cycles(variant, tag, n, t),
      v.variant,
      v.tag,
      batch,
      tokens,
    );
    if (pending) await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled: true });
    if (left !== 0) throw new Error(`${left} elements left in the page`);
  }
}

export async function leak(browser: Browser, count: number): Promise<SectionReport> {
  const report = new SectionReport('leak');
  const lab = await startLab(['test/reliability/pages']);
  lab.site.mount('/reliability/token', (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"leak.test.token"}');
  });
  // <passkey-manager>'s token-url: a real token of the step-up user's, so that the list is read.
  let listUser = '';
  lab.site.mount('/reliability/manager-token', (_request, response) => {
    void lab.node.track({ userId: listUser, action: 'view-authenticators' }).then(
      ({ token }) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token })),
      () => response.writeHead(500).end('{}'),
    );
  });
  const figures: Record<string, unknown>[] = [];
  try {
    const bench = await pageWithAuthenticator(browser, `${lab.site.url}/bench/pages/ceremony.html`);
    const { page, cdp } = bench;
    await cdp.send('Performance.enable');
    const userId = `leak-${Date.now()}`;
    // The step-up user needs a passkey on this authenticator.
    await page.waitForFunction(() => 'runCeremony' in window);
    if (!report.check('enrolls the step-up user first', await enrollThroughPage(page, lab.node, userId))) return report;
    await page.goto(`${lab.site.url}/test/reliability/pages/leak.html`);
    await page.waitForFunction(() => 'cycles' in window);
    const users: Users = { stepUp: userId, prefix: `${userId}-new`, enrolled: 0 };
    listUser = userId;

    for (const v of VARIANTS) {
      await cycles(bench, lab, v, users, WARM_UP);
      const before = await measure(cdp);
      await cycles(bench, lab, v, users, count);
      const after = await measure(cdp);
      const perCycle = {
        heapBytes: round((after.heap - before.heap) / count),
        nodes: round((after.nodes - before.nodes) / count, 3),
        listeners: round((after.listeners - before.listeners) / count, 3),
      };
      figures.push({ variant: v.name, cycles: count, ...perCycle });
      report.check(
        `${v.name}: ${count} cycles within ${HEAP_BYTES_PER_CYCLE} B, ${NODES_PER_CYCLE} nodes, ${LISTENERS_PER_CYCLE} listeners per cycle`,
        perCycle.heapBytes <= HEAP_BYTES_PER_CYCLE &&
          perCycle.nodes <= NODES_PER_CYCLE &&
          perCycle.listeners <= LISTENERS_PER_CYCLE,
        `${perCycle.heapBytes} B, ${perCycle.nodes} nodes, ${perCycle.listeners} listeners per cycle`,
      );
      report.row(
        `leak: ${v.name}`,
        `${perCycle.heapBytes} B heap · ${perCycle.nodes} nodes · ${perCycle.listeners} listeners per cycle`,
      );
    }
    // Control: the same measurement must see one retained element per cycle.
    const control = VARIANTS[4]!;
    const before = await measure(cdp);
    await cycles(bench, lab, { ...control, variant: 'retained' }, users, CONTROL_CYCLES);
    const after = await measure(cdp);
    const retained = {
      heapBytes: round((after.heap - before.heap) / CONTROL_CYCLES),
      nodes: round((after.nodes - before.nodes) / CONTROL_CYCLES, 1),
    };
    report.figures.control = {
      variant: 'a page that keeps every removed <step-up-challenge>',
      cycles: CONTROL_CYCLES,
      ...retained,
    };
    report.check(
      'control: a page that keeps each removed element fails the same bounds',
      retained.heapBytes > HEAP_BYTES_PER_CYCLE && retained.nodes > NODES_PER_CYCLE,
      `${retained.heapBytes} B, ${retained.nodes} nodes per retained element`,
    );
    report.row(
      'leak control: one retained element per cycle',
      `${retained.heapBytes} B heap · ${retained.nodes} nodes per cycle`,
    );
    await page.close();
  } finally {
    await lab.close();
  }
  Object.assign(report.figures, {
    cyclesPerVariant: count,
    bounds: {
      heapBytesPerCycle: HEAP_BYTES_PER_CYCLE,
      nodesPerCycle: NODES_PER_CYCLE,
      listenersPerCycle: LISTENERS_PER_CYCLE,
    },
    variants: figures,
  });
  return report;
}
