import { mkdirSync } from 'node:fs';
import { startDemoServer } from '../demo/server/demo-server.js';
import { DemoPage } from '../test/node/support/demo-page.js';

/**
 * `npm run screenshots`: the demo in headless Chromium with a virtual authenticator, after a few
 * transfers, into docs/: the sign-in form (passkey button under the username field), the
 * overview, the passkey step-up dialog for a large transfer, and the same user in another browser
 * (no passkey there) confirming by email code.
 */
mkdirSync('docs', { recursive: true });
const demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
const ui = await DemoPage.open(demo.url, { width: 1200, height: 860 });
try {
  await ui.page.waitForFunction(() =>
    document.querySelector('passkey-sign-in')?.shadowRoot?.querySelector('[part="button"]'),
  );
  await ui.page.screenshot({ path: 'docs/demo-sign-in.png' });
  await ui.signIn('ada', undefined, 'ada@example.com');
  await ui.enrollPasskey();
  await ui.send('Grace Hopper', '50');
  await ui.waitForText('#notice', 'Sent $50.00');
  await ui.send('Alan Turing', '7500');
  await ui.waitForStepUp(true);
  await ui.confirmStepUp();
  await ui.waitForText('#notice', 'Sent $7,500.00');
  await ui.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await ui.screenshot('docs/demo-overview.png');
  await ui.send('Katherine Johnson', '12000');
  await ui.waitForStepUp(true);
  await ui.page.screenshot({ path: 'docs/demo-step-up.png' });
  const other = await DemoPage.open(demo.url, { width: 1200, height: 860 });
  try {
    await other.signIn('ada');
    await other.send('Mary Jackson', '9000');
    await other.waitForStepUp(true);
    await other.page.waitForSelector('step-up-challenge >>> [part="send-code"]');
    await other.page.click('step-up-challenge >>> [part="send-code"]');
    await other.page.waitForSelector('step-up-challenge >>> [part="code"]');
    await other.page.screenshot({ path: 'docs/demo-step-up-email.png' });
  } finally {
    await other.close();
  }
  console.log('wrote docs/demo-sign-in.png, demo-overview.png, demo-step-up.png and demo-step-up-email.png');
} finally {
  await ui.close();
  await demo.close();
}
