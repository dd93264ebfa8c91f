import { mkdirSync } from 'node:fs';
import { startDemoServer } from '../demo/server/demo-server.js';
import { DemoPage } from '../test/node/support/demo-page.js';

/**
 * `npm run screenshots`: the demo in headless Chromium with a virtual authenticator, after a few
 * transfers, into docs/: the overview, and the passkey step-up dialog for a large transfer.
 */
mkdirSync('docs', { recursive: true });
const demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
const ui = await DemoPage.open(demo.url, { width: 1200, height: 860 });
try {
  await ui.signIn('ada');
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
  console.log('wrote docs/demo-overview.png and docs/demo-step-up.png');
} finally {
  await ui.close();
  await demo.close();
}
