import { createRequire } from 'node:module';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { launchChromium } from './chromium.js';
import { VirtualAuthenticators } from '../../../testing/virtual-authenticators.js';

const require = createRequire(import.meta.url);

/**
 * The demo bank in a real headless Chromium with a CDP virtual authenticator, driven through its
 * UI the way a person would use it. Shared by the end-to-end test and the screenshot script.
 */
export class DemoPage {
  private constructor(
    readonly browser: Browser,
    readonly page: Page,
    private readonly cdp: CDPSession,
    readonly authenticatorId: string,
    readonly url: string,
  ) {}

  static async open(url: string, options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}) {
    const browser = await launchChromium({ width: options.width ?? 1280, height: options.height ?? 900 });
    const page = await browser.newPage();
    // Only so that the test can inject axe-core; the page itself runs under its strict policy.
    await page.setBypassCSP(true);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.colorScheme ?? 'light' }]);
    const cdp = await page.createCDPSession();
    const authenticatorId = await new VirtualAuthenticators(cdp).add();
    // Counts the page's pending conditional requests (the field's passkey suggestion), where the
    // browser gets them, so that a test can wait for one instead of for what precedes it.
    await page.evaluateOnNewDocument(() => {
      const get = CredentialsContainer.prototype.get;
      const counted = window as unknown as { pendingSuggestions: number };
      counted.pendingSuggestions = 0;
      CredentialsContainer.prototype.get = function (options) {
        const request = get.call(this, options);
        if (options?.mediation === 'conditional') {
          counted.pendingSuggestions++;
          request.then(
            () => counted.pendingSuggestions--,
            () => counted.pendingSuggestions--,
          );
        }
        return request;
      };
    });
    await page.goto(url, { waitUntil: 'networkidle0' });
    return new DemoPage(browser, page, cdp, authenticatorId, url);
  }

  close(): Promise<void> {
    return this.browser.close();
  }

  text(selector: string): Promise<string> {
    return this.page.$eval(selector, (el) => (el.textContent ?? '').trim());
  }

  async waitForText(selector: string, pattern: RegExp | string, timeout = 10_000): Promise<void> {
    const source = typeof pattern === 'string' ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern.source;
    await this.page.waitForFunction(
      (sel, src) => new RegExp(src).test(document.querySelector(sel)?.textContent ?? ''),
      { timeout },
      selector,
      source,
    );
  }

  async signIn(username: string, password = 'correct horse battery', email?: string): Promise<void> {
    await this.page.waitForSelector('#signin:not([hidden])');
    await this.page.type('#username', username);
    await this.page.type('#password', password);
    if (email) await this.page.type('#email', email);
    await this.page.click('#signin-form button[type="submit"]');
    await this.page.waitForSelector('#dashboard:not([hidden])');
    await this.waitForText('#balance', /\$/);
    await this.settled();
  }

  /**
   * Until the page's refresh has ended (the dashboard is aria-busy meanwhile): its last step adds
   * or takes away the enroll element, which moves everything below it, and a click aimed before
   * that lands elsewhere.
   */
  async settled(): Promise<void> {
    await this.page.waitForSelector('#dashboard:not([aria-busy])');
  }

  /** Whether the virtual authenticator answers at once (as a person picking a passkey does), or leaves requests pending. */
  setUserPresence(enabled: boolean): Promise<void> {
    return new VirtualAuthenticators(this.cdp).setPresence(enabled, this.authenticatorId);
  }

  /**
   * Until the field's conditional request is with the browser. Before it is, a virtual
   * authenticator with presence on answers it as soon as it comes, and the element signs in
   * without the click a test is about to make.
   */
  async waitForPendingSuggestion(): Promise<void> {
    await this.page.waitForFunction(() => (window as unknown as { pendingSuggestions: number }).pendingSuggestions > 0);
  }

  async signOut(): Promise<void> {
    await this.page.click('#sign-out');
    await this.page.waitForSelector('#signin:not([hidden])');
  }

  /** Clicks "Sign in with a passkey" and waits for the dashboard. */
  async signInWithPasskey(): Promise<void> {
    await this.page.waitForFunction(() =>
      document.querySelector('passkey-sign-in')?.shadowRoot?.querySelector('[part="button"]'),
    );
    await this.page.click('passkey-sign-in >>> [part="button"]');
    await this.page.waitForSelector('#dashboard:not([hidden])');
    await this.waitForText('#balance', /\$/);
    await this.settled();
  }

  /** The account's first way to confirm: `<passkey-enroll>`, no step-up. */
  async enrollPasskey(): Promise<void> {
    await this.page.waitForSelector('passkey-enroll >>> button');
    await this.page.click('passkey-enroll >>> button');
    await this.waitForText('#notice', 'Passkey added');
    await this.page.waitForFunction(
      () =>
        document.querySelector('passkey-manager')?.shadowRoot?.querySelectorAll('[part="item"][data-method="PASSKEY"]')
          .length === 1,
    );
    // The page's own refresh ends by taking the enroll element away (the account has a way to
    // confirm now), which moves everything below it up 35 px: a click aimed before that lands elsewhere.
    await this.page.waitForFunction(() => !document.querySelector('#enroll-slot passkey-enroll'));
    await this.settled();
  }

  async send(recipient: string, amount: string): Promise<void> {
    await this.page.type('#recipient', recipient);
    await this.page.type('#amount', amount);
    await this.page.click('#transfer-form button[type="submit"]');
  }

  stepUpOpen(): Promise<boolean> {
    return this.page.$eval('step-up-challenge', (el) => (el as HTMLElement & { open: boolean }).open);
  }

  async waitForStepUp(open: boolean): Promise<void> {
    await this.page.waitForFunction(
      (expected) => {
        const el = document.querySelector('step-up-challenge') as (HTMLElement & { open: boolean }) | null;
        return el?.open === expected && el.shadowRoot?.querySelector('dialog')?.open === expected;
      },
      { timeout: 10_000 },
      open,
    );
  }

  async confirmStepUp(): Promise<void> {
    await this.page.click('step-up-challenge >>> [part="button"]');
  }

  /**
   * Runs `send` (something that sends a code) and answers the code the Dev inbox shows for it: the
   * newest, once it is not the one shown before (the inbox refreshes every two seconds).
   */
  async newInboxCode(send: () => Promise<void>): Promise<string> {
    const newest = () => this.page.$eval('#inbox', (list) => list.querySelector('li')?.textContent ?? '');
    const before = await newest();
    await send();
    await this.page.waitForFunction(
      (old) => {
        const first = document.querySelector('#inbox li');
        return !!first?.querySelector('.code') && first.textContent !== old;
      },
      { timeout: 10_000 },
      before,
    );
    return this.text('#inbox .code');
  }

  /** Confirms a step-up (`which`: the transfer's, or a change's) by its code: asks for it, reads it in the Dev inbox, types it, presses Enter. */
  async confirmStepUpByEmail(which = '#step-up'): Promise<void> {
    const code = await this.newInboxCode(() => this.page.click(`${which} >>> [part="send-code"]`));
    await this.page.waitForSelector(`${which} >>> [part="code"]`);
    await this.page.type(`${which} >>> [part="code"]`, code);
    await this.page.keyboard.press('Enter');
  }

  /** The step-up of a change to the ways to confirm: `<passkey-manager>`'s own. */
  static readonly CHANGE_STEP_UP = 'passkey-manager >>> step-up-challenge';

  /** Waits for the step-up of a change (inside `<passkey-manager>`). */
  async waitForChangeStepUp(): Promise<void> {
    await this.page.waitForSelector(DemoPage.CHANGE_STEP_UP, { timeout: 10_000 });
  }

  /** Starts adding `method` in `<passkey-manager>`. */
  async startAdding(method: string): Promise<void> {
    await this.page.click(`passkey-manager >>> [part="add"][data-method="${method}"]`);
  }

  /**
   * Adds `address` as an email authenticator in `<passkey-manager>`, confirmed by the passkey where
   * the account has one, and proved by the code from the Dev inbox.
   */
  async addEmail(address: string, withPasskey: boolean): Promise<void> {
    await this.startAdding('EMAIL_OTP');
    if (withPasskey) {
      await this.waitForChangeStepUp();
      await this.page.click(`${DemoPage.CHANGE_STEP_UP} >>> [part="button"]`);
    }
    await this.page.waitForSelector('passkey-manager >>> [part="contact"]');
    await this.page.type('passkey-manager >>> [part="contact"]', address);
    const code = await this.newInboxCode(() => this.page.click('passkey-manager >>> [part="send-code"]'));
    await this.page.waitForSelector('passkey-manager >>> [part="code"]');
    await this.page.type('passkey-manager >>> [part="code"]', code);
    await this.page.click('passkey-manager >>> [part="verify"]');
    await this.waitForText('#notice', 'Email address added');
  }

  /** The method the step-up element is on. */
  stepUpMethod(): Promise<string | undefined> {
    return this.page.$eval('step-up-challenge', (el) => (el as HTMLElement & { method?: string }).method);
  }

  async balance(): Promise<string> {
    return this.text('#balance');
  }

  history(): Promise<{ recipient: string; amount: string; status: string }[]> {
    return this.page.$$eval('#history li:not(.empty)', (items) =>
      items.map((li) => ({
        recipient: li.querySelector('.who')!.textContent!,
        amount: li.querySelector('.amount')!.textContent!,
        status: (li as HTMLElement).dataset.status!,
      })),
    );
  }

  /** axe-core on the live page (shadow roots included); returns the violations. */
  async axe(): Promise<{ id: string; help: string; nodes: unknown[] }[]> {
    const has = await this.page.evaluate(() => 'axe' in window);
    if (!has) await this.page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    return this.page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      return (await axe.run()).violations;
    });
  }

  screenshot(path: string): Promise<unknown> {
    return this.page.screenshot({ path: path as `${string}.png`, fullPage: true });
  }
}
