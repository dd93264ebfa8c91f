import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDemoServer, type RunningDemo } from '../../demo/server/demo-server.js';
import { Secret, TOTP } from 'otpauth';
import { DemoPage } from './support/demo-page.js';

/**
 * Why a change stopped short, for the failure's message: what the manager shows (its parts, and its
 * step-up's method, status and error) and the API's last refusals. A wait that times out says
 * only what it waited for.
 */
async function explainStuck(ui: DemoPage, demo: RunningDemo, error: unknown): Promise<never> {
  const view = await ui.page
    .$eval('passkey-manager', (manager) => {
      // No function declared in here: the test's compiler would wrap it in a helper the page lacks.
      const stepUp = manager.shadowRoot?.querySelector('step-up-challenge') as
        (HTMLElement & { method?: string }) | null;
      return {
        parts: Array.from(manager.shadowRoot?.querySelectorAll('[part]') ?? [], (el) => el.getAttribute('part')),
        stepUp: stepUp && {
          method: stepUp.method,
          status: stepUp.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim(),
          error: stepUp.shadowRoot?.querySelector('[part="error"]')?.textContent?.trim(),
          parts: Array.from(stepUp.shadowRoot?.querySelectorAll('[part]') ?? [], (el) => el.getAttribute('part')),
        },
      };
    })
    .catch((reason: unknown) => String(reason));
  const refused = demo.emulator
    ?.routesServed()
    .filter((route) => route.status >= 400)
    .slice(-10);
  throw new Error(
    `${(error as Error).message}\n  shown: ${JSON.stringify(view)}\n  refused by the API: ${JSON.stringify(refused)}`,
    { cause: error },
  );
}

// The whole demo through its UI, in Chromium with a virtual authenticator: nothing stubbed.
describe('demo bank end to end (Chromium, virtual authenticator)', () => {
  let demo: RunningDemo;
  let ui: DemoPage;

  before(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
    ui = await DemoPage.open(demo.url);
  });
  after(async () => {
    await ui?.close();
    await demo?.close();
  });

  it('is accessible before signing in', async () => {
    assert.deepEqual(await ui.axe(), []);
  });

  it('signs in, enrolls a passkey, and sends $50 at once without a prompt', async () => {
    await ui.signIn('e2e-user');
    assert.equal(await ui.balance(), '$25,000.00');
    await ui.enrollPasskey();
    await ui.send('Bob', '50');
    await ui.waitForText('#notice', 'Sent $50.00 to Bob');
    assert.equal(await ui.stepUpOpen(), false);
    assert.equal(await ui.balance(), '$24,950.00');
    assert.deepEqual(await ui.history(), [{ recipient: 'Bob', amount: '−$50.00', status: 'executed' }]);
    assert.deepEqual(await ui.axe(), []);
  });

  it('sends $7,500 after a passkey step-up in the modal, executed once', async () => {
    await ui.send('Carol', '7500');
    await ui.waitForStepUp(true);
    assert.match(await ui.text('#step-up-description'), /Confirm the transfer of \$7,500\.00 to Carol/);
    assert.deepEqual(await ui.axe(), [], 'axe-clean with the dialog open');
    await ui.confirmStepUp();
    await ui.waitForText('#notice', 'Sent $7,500.00 to Carol');
    await ui.waitForStepUp(false);
    assert.equal(await ui.balance(), '$17,450.00');
    const history = await ui.history();
    assert.deepEqual(history[0], { recipient: 'Carol', amount: '−$7,500.00', status: 'executed' });
    assert.equal(history.filter((t) => t.recipient === 'Carol').length, 1);
  });

  it('a new browser profile without the passkey confirms $7,500 by email code from the Dev inbox', async () => {
    const first = await DemoPage.open(demo.url);
    try {
      await first.signIn('roaming', undefined, 'roaming@example.com');
      await first.enrollPasskey();
      // The sign-up's address confirms nothing until its code proves it, behind the passkey.
      await first.addEmail('roaming@example.com', true);
      await first.page.waitForFunction(() =>
        document.querySelector('#activity')?.textContent?.includes('confirmed with passkey'),
      );
    } finally {
      await first.close();
    }
    // Another browser: its authenticator and storage know nothing of this user's passkey.
    const other = await DemoPage.open(demo.url);
    try {
      await other.signIn('roaming');
      await other.page.waitForSelector('#dev-inbox:not([hidden])');
      await other.send('Erin', '7500');
      await other.waitForStepUp(true);
      await other.page.waitForSelector('step-up-challenge >>> [part="send-code"]');
      assert.equal(await other.stepUpMethod(), 'EMAIL_OTP', 'skipped the passkey this device does not have');
      assert.deepEqual(await other.axe(), [], 'axe-clean on the email code');
      await other.confirmStepUpByEmail();
      await other.waitForText('#notice', 'Sent $7,500.00 to Erin');
      await other.waitForStepUp(false);
      assert.equal(await other.balance(), '$17,500.00');
      const history = await other.history();
      assert.deepEqual(history, [{ recipient: 'Erin', amount: '−$7,500.00', status: 'executed' }]);
    } finally {
      await other.close();
    }
  });

  it('adds a phone to an account with a passkey: the passkey first, then the code texted to the phone', async () => {
    const page = await DemoPage.open(demo.url);
    try {
      await page.signIn('phoned', undefined, 'phoned@example.com');
      await page.enrollPasskey();
      // A phone, on an account with a passkey: the passkey page (the step-up opens on it), then the
      // code texted to the phone.
      await page.startAdding('SMS');
      await page.waitForChangeStepUp();
      assert.equal(
        await page.page.$eval(DemoPage.CHANGE_STEP_UP, (el) => (el as HTMLElement & { method?: string }).method),
        'PASSKEY',
      );
      await page.page.click(`${DemoPage.CHANGE_STEP_UP} >>> [part="button"]`);
      // (Once in six CI runs this field never came; the message now says what showed instead.)
      await page.page
        .waitForSelector('passkey-manager >>> [part="contact"]')
        .catch((error: unknown) => explainStuck(page, demo, error));
      await page.page.type('passkey-manager >>> [part="contact"]', '+64 27 555 0142');
      const sms = await page.newInboxCode(() => page.page.click('passkey-manager >>> [part="send-code"]'));
      await page.page.type('passkey-manager >>> [part="code"]', sms);
      await page.page.click('passkey-manager >>> [part="verify"]');
      await page.waitForText('#notice', 'Phone added');
      await page.page.waitForFunction(() =>
        document.querySelector('#activity')?.textContent?.includes('Added text-message codes: +64275550142'),
      );
      assert.deepEqual(await page.axe(), [], 'axe-clean after the change');
    } finally {
      await page.close();
    }
  });

  it('adds a phone (code from the Dev inbox) and an authenticator app (QR code and key), then confirms by the app', async () => {
    const page = await DemoPage.open(demo.url);
    try {
      await page.signIn('gadgets', undefined, 'gadgets@example.com');
      // The phone: the account's first way to confirm, so no step-up; then its code.
      await page.startAdding('SMS');
      await page.page.waitForSelector('passkey-manager >>> [part="contact"]');
      assert.equal(await page.page.$('passkey-manager >>> step-up-challenge'), null, 'nothing to confirm with yet');
      await page.page.type('passkey-manager >>> [part="contact"]', '+64 27 555 0199');
      const sms = await page.newInboxCode(() => page.page.click('passkey-manager >>> [part="send-code"]'));
      assert.match(await page.text('#inbox'), /\+64275550199/);
      await page.page.waitForSelector('passkey-manager >>> [part="code"]');
      await page.page.type('passkey-manager >>> [part="code"]', sms);
      await page.page.click('passkey-manager >>> [part="verify"]');
      await page.waitForText('#notice', 'Phone added');

      // The phone is the account's way to confirm now: adding the app asks for its code first.
      await page.startAdding('AUTHENTICATOR_APP');
      await page.waitForChangeStepUp();
      await page.confirmStepUpByEmail(DemoPage.CHANGE_STEP_UP);
      await page.page.waitForSelector('passkey-manager >>> [part="qr"]');
      const modules = await page.page.$eval('passkey-manager >>> [part="qr"]', (svg) => svg.getAttribute('viewBox'));
      assert.ok(Number(modules!.split(' ')[2]) > 20, 'a QR code of a real size');
      const secret = (await page.text('passkey-manager >>> [part="key"]')).replace(/\s/g, '');
      const totp = new TOTP({ secret: Secret.fromBase32(secret) });
      await page.page.type('passkey-manager >>> [part="code"]', totp.generate());
      await page.page.click('passkey-manager >>> [part="verify"]');
      await page.waitForText('#notice', 'Authenticator app added');
      await page.page.waitForFunction(
        () => document.querySelector('passkey-manager')?.shadowRoot?.querySelectorAll('[part="item"]').length === 2,
      );
      assert.deepEqual(await page.axe(), [], 'axe-clean with the list of two');

      // No passkey: the step-up opens on the first allowed method, the app, and its next code confirms.
      await page.send('Frank', '9000');
      await page.waitForStepUp(true);
      await page.page.waitForSelector('step-up-challenge >>> [part="code"]');
      assert.equal(await page.stepUpMethod(), 'AUTHENTICATOR_APP');
      await page.page.type('step-up-challenge >>> [part="code"]', totp.generate({ timestamp: Date.now() + 30_000 }));
      await page.page.keyboard.press('Enter');
      await page.waitForText('#notice', 'Sent $9,000.00 to Frank');
      assert.equal(await page.balance(), '$16,000.00');
    } finally {
      await page.close();
    }
  });

  it('signs out and back in with the passkey (its button, then the field’s suggestion), then sends $7,500', async () => {
    const browser = await DemoPage.open(demo.url);
    try {
      await browser.signIn('returning');
      await browser.enrollPasskey();
      // Presence off: the field's conditional request waits, as it does until a person picks.
      await browser.setUserPresence(false);
      await browser.signOut();
      assert.equal(await browser.page.$eval('#username', (el) => el.getAttribute('autocomplete')), 'username webauthn');
      await browser.page.waitForFunction(() =>
        document.querySelector('passkey-sign-in')?.shadowRoot?.querySelector('[part="button"]'),
      );
      assert.deepEqual(await browser.axe(), [], 'the sign-in form with its passkey button is axe-clean');
      await browser.waitForPendingSuggestion();
      await browser.setUserPresence(true);
      await browser.signInWithPasskey();
      assert.equal(await browser.text('#user-name'), 'returning');
      await browser.waitForText('#notice', 'Welcome back, returning.');
      await browser.send('Dave', '7500');
      await browser.waitForStepUp(true);
      await browser.confirmStepUp();
      await browser.waitForText('#notice', 'Sent $7,500.00 to Dave');
      assert.equal(await browser.balance(), '$17,500.00');
      // Presence on: the virtual authenticator answers the field's request at once, as a person
      // picking the passkey from the suggestions does. No click.
      await browser.signOut();
      await browser.page.waitForSelector('#dashboard:not([hidden])');
      assert.equal(await browser.text('#user-name'), 'returning');
      assert.equal(await browser.balance(), '$17,500.00');
    } finally {
      await browser.close();
    }
  });

  it('leaves a cancelled step-up pending and unsent', async () => {
    await ui.send('Dave', '6000');
    await ui.waitForStepUp(true);
    await ui.page.keyboard.press('Escape');
    await ui.waitForStepUp(false);
    await ui.waitForText('#notice', /pending and was not sent/);
    await ui.page.waitForFunction(() => document.querySelector('#history li[data-status="pending"]'));
    assert.equal(await ui.balance(), '$17,450.00');
    assert.deepEqual((await ui.history())[0], { recipient: 'Dave', amount: '−$6,000.00', status: 'pending' });
  });

  it('refuses a confirmation carrying a token won for another transfer', async () => {
    // Remember the token the page receives for the next transfer (the page confirms that one itself).
    await ui.page.evaluate(() => {
      document.addEventListener('step-up-challenge-success', (e) => {
        (window as unknown as { wonToken: string }).wonToken = (
          e as Event as CustomEvent<{ token: string }>
        ).detail.token;
      });
    });
    await ui.send('Erin', '5500');
    await ui.waitForStepUp(true);
    await ui.confirmStepUp();
    await ui.waitForText('#notice', 'Sent $5,500.00 to Erin');
    const result = await ui.page.evaluate(async () => {
      const account = await fetch('/api/account').then((r) => r.json());
      const dave = account.transfers.find((t: { recipient: string }) => t.recipient === 'Dave');
      const response = await fetch(`/api/transfers/${dave.id}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: (window as unknown as { wonToken: string }).wonToken }),
      });
      return { status: response.status, body: await response.json() };
    });
    assert.equal(result.status, 403);
    assert.equal(result.body.error, 'verification_failed');
    await ui.page.reload({ waitUntil: 'networkidle0' });
    await ui.waitForText('#balance', '$11,950.00');
    const dave = (await ui.history()).find((t) => t.recipient === 'Dave');
    assert.equal(dave?.status, 'pending');
  });

  it('confirms the pending transfer later from the history', async () => {
    await ui.page.click('#history li[data-status="pending"] button');
    await ui.waitForStepUp(true);
    await ui.confirmStepUp();
    await ui.waitForText('#notice', 'Sent $6,000.00 to Dave');
    assert.equal(await ui.balance(), '$5,950.00');
    assert.deepEqual(await ui.axe(), []);
  });

  it('speaks the picked language (Arabic mirrored), takes the picked theme, axe-clean, and remembers both', async () => {
    const label = (tag: string) =>
      ui.page.$eval(tag, (el) => el.shadowRoot!.querySelector('[part="button"]')?.textContent?.trim() ?? '');
    await ui.page.select('#language', 'de');
    await ui.page.waitForFunction(() =>
      document.querySelector('passkey-manager')?.shadowRoot?.textContent?.includes('Passkey hinzufügen'),
    );
    await ui.page.select('#theme', 'dark');
    const colors = await ui.page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).backgroundColor,
      scheme: getComputedStyle(document.documentElement).getPropertyValue('--passkey-color-scheme').trim(),
    }));
    assert.deepEqual(colors, { page: 'rgb(2, 6, 23)', scheme: 'dark' });
    assert.deepEqual(await ui.axe(), [], 'dark theme, German elements');

    await ui.page.select('#language', 'ar');
    await ui.send('Erin', '5500');
    await ui.waitForStepUp(true);
    await ui.page.waitForFunction(
      () =>
        document.querySelector('step-up-challenge')?.shadowRoot?.querySelector('[part="title"]')?.textContent ===
        'أكّد هويتك',
    );
    assert.equal(await label('step-up-challenge'), 'التأكيد بمفتاح المرور');
    const direction = await ui.page.$eval('step-up-challenge', (el) => ({
      dialog: getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).direction,
      description: getComputedStyle(document.getElementById('step-up-description')!).direction,
    }));
    assert.deepEqual(direction, { dialog: 'rtl', description: 'ltr' }, 'the page’s English stays left to right');
    assert.deepEqual(await ui.axe(), [], 'dark theme, Arabic dialog open');
    await ui.confirmStepUp();
    await ui.waitForText('#notice', 'Sent $5,500.00 to Erin');

    await ui.page.reload({ waitUntil: 'networkidle0' });
    await ui.page.waitForSelector('#dashboard:not([hidden])');
    assert.equal(await ui.page.$eval('#language', (el) => (el as HTMLSelectElement).value), 'ar');
    assert.equal(await ui.page.$eval('html', (el) => el.dataset.theme), 'dark');
    await ui.page.waitForFunction(() =>
      document.querySelector('passkey-manager')?.shadowRoot?.textContent?.includes('مفتاح'),
    );
    await ui.page.select('#language', '');
    await ui.page.select('#theme', 'northwind');
    assert.equal(await ui.page.$eval('passkey-manager', (el) => el.getAttribute('lang')), '');
  });
});

// A server of its own: every page of these runs comes from one address, and the emulator allows 30
// tenant-level client requests a minute per address (each sign-in form's passkey request makes two).
describe('demo bank end to end: what the rules ask, and the account itself (Chromium)', () => {
  let demo: RunningDemo;

  before(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await demo?.close();
  });

  it('asks why for $2,000 to a new recipient ("New recipient"); $2,000 to that recipient again goes at once', async () => {
    const page = await DemoPage.open(demo.url);
    try {
      await page.signIn('e2e-rules');
      await page.enrollPasskey();
      await page.send('Grace', '2000');
      await page.waitForStepUp(true);
      assert.equal(
        await page.text('#step-up-description'),
        'New recipient. Confirm the transfer of $2,000.00 to Grace.',
        'the reason the rule gives, in the description slot',
      );
      await page.confirmStepUp();
      await page.waitForText('#notice', 'Sent $2,000.00 to Grace');
      await page.waitForStepUp(false);
      // The same notice comes again: clear it, so that the wait below is for the second transfer's.
      await page.page.$eval('#notice', (el) => (el.textContent = ''));
      await page.send('Grace', '2000');
      await page.waitForText('#notice', 'Sent $2,000.00 to Grace');
      assert.equal(await page.stepUpOpen(), false, 'a known recipient, a known device: no step-up');
      assert.equal(await page.balance(), '$21,000.00');
      assert.deepEqual(
        (await page.history()).map((t) => t.status),
        ['executed', 'executed'],
      );
    } finally {
      await page.close();
    }
  });

  it('changes the password and closes the account, each after a passkey step-up', async () => {
    const page = await DemoPage.open(demo.url);
    try {
      await page.signIn('e2e-closing');
      await page.enrollPasskey();
      await page.page.type('#current-password', 'correct horse battery');
      await page.page.type('#new-password', 'a new password for me');
      await page.page.click('#password-form button[type="submit"]');
      await page.waitForStepUp(true);
      assert.equal(await page.text('#step-up-description'), 'Confirm your new password.');
      await page.confirmStepUp();
      await page.waitForText('#notice', /Your password is changed/);
      await page.page.type('#close-password', 'a new password for me');
      await page.page.click('#close-form button[type="submit"]');
      await page.waitForStepUp(true);
      assert.deepEqual(await page.axe(), []);
      await page.confirmStepUp();
      await page.waitForText('#notice', 'Your account is closed.');
      await page.page.waitForSelector('#signin:not([hidden])');
    } finally {
      await page.close();
    }
  });
});

// Its own server too: two browsers' sign-in forms (autofill and the button) on top of the suite's
// would pass the emulator's 30 tenant-level client requests a minute per address.
describe('demo bank end to end: sessions across browsers (Chromium)', () => {
  let demo: RunningDemo;

  before(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await demo?.close();
  });

  it('"Sign out everywhere" ends the passkey session of another browser (revoked at Authsignal)', async () => {
    const a = await DemoPage.open(demo.url);
    const b = await DemoPage.open(demo.url);
    try {
      await a.signIn('everywhere');
      await a.enrollPasskey();
      await a.setUserPresence(false);
      await a.signOut();
      await a.page.waitForFunction(() =>
        document.querySelector('passkey-sign-in')?.shadowRoot?.querySelector('[part="button"]'),
      );
      await a.waitForPendingSuggestion();
      await a.setUserPresence(true);
      await a.signInWithPasskey();
      assert.equal(await a.text('#user-name'), 'everywhere');
      await b.signIn('everywhere');
      assert.deepEqual(await b.axe(), [], 'the security page with its new control is axe-clean');
      await b.page.click('#sign-out-everywhere');
      await b.page.waitForSelector('#signin:not([hidden])');
      await b.waitForText('#notice', 'Signed out everywhere');
      // No suggestion answered on reload: a person who picks nothing stays signed out.
      await a.setUserPresence(false);
      await a.page.reload();
      await a.page.waitForSelector('#signin:not([hidden])');
      assert.equal(await a.page.evaluate(() => fetch('/api/account').then((r) => r.status)), 401);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
