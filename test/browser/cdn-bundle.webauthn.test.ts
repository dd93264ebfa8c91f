import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { backend, uniqueUser } from './support/backend.js';
import { nextEvent } from './support/events.js';
import { sdkGate } from './support/sdk-gate.js';
import { virtualAuthenticator } from './support/virtual-authenticator.js';

// The built CDN bundle (`npm test` builds it first), loaded the way a page's script tag does.
const BUNDLE = '/dist/cdn/passkey-elements.js';
const ENDS = ['passkey-enroll-success', 'passkey-enroll-error', 'passkey-enroll-cancel'];

describe('dist/cdn/passkey-elements.js', () => {
  afterEach(() => virtualAuthenticator.removeAll());

  it('is one self-contained module: no imports left but the on-demand SDK, other methods, dialog, token fetch and locales', async () => {
    const source = await fetch(BUNDLE).then((r) => r.text());
    expect(source.length).to.be.greaterThan(10_000);
    expect(source).not.to.match(/(^|[;\s])import\s*[{*"'\w]/);
    const dynamicImports = source.match(/\bimport\([^)]*\)/g) ?? [];
    expect(dynamicImports).to.have.length(5);
    expect(dynamicImports.join())
      .to.include('locales/')
      .and.to.include('passkey-elements-sdk.js')
      .and.to.include('passkey-elements-methods.js')
      .and.to.include('passkey-elements-dialog.js')
      .and.to.include('passkey-elements-token.js');
  });

  it('registers <passkey-enroll> and enrolls a passkey, its SDK from next to itself, retried after a failed download', async () => {
    expect(customElements.get('passkey-enroll')).to.equal(undefined);
    await import(/* @vite-ignore */ BUNDLE);
    expect(customElements.get('passkey-enroll')).to.be.a('function');
    // A second copy on the page does not throw.
    await import(/* @vite-ignore */ `${BUNDLE}?copy=2`);

    const info = await backend.info();
    await virtualAuthenticator.add();
    const userId = uniqueUser();
    // The host's own dialog, of the kind the SDK's popup library turns into one of its own when it loads.
    const hostDialog = await fixture<HTMLElement>(html`<div data-a11y-dialog="host"></div>`);
    const el = await fixture<HTMLElement & { token?: string }>(
      html`<passkey-enroll
        tenant-id=${info.tenantId}
        base-url=${info.url}
        username="cdn@example.com"
      ></passkey-enroll>`,
    );
    const sdkRequests = () =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.includes('passkey-elements-sdk'));
    expect(sdkRequests()).to.deep.equal([], 'rendered without the SDK');
    // Its SDK file, from next to itself, fails once: the click joins the download the token started ...
    await sdkGate.reset();
    await sdkGate.failNext(1);
    el.token = (await backend.track(userId, 'enroll-passkey')).token;
    el.shadowRoot!.querySelector('button')!.click();
    const failed = await nextEvent<CustomEvent<{ code: string }>>(el, ENDS);
    expect(failed.detail.code).to.equal('network');
    // ... and the next click downloads it again.
    el.shadowRoot!.querySelector('button')!.click();
    const event = await nextEvent<CustomEvent<{ token: string }>>(el, ENDS);
    expect(event.type).to.equal('passkey-enroll-success');
    expect((await backend.validate({ token: event.detail.token, userId })).isValid).to.equal(true);
    expect(await sdkGate.requests()).to.equal(2);
    expect(sdkRequests()).to.deep.equal(['/dist/cdn/passkey-elements-sdk.js', '/dist/cdn/passkey-elements-sdk.js']);
    expect(hostDialog.getAttributeNames(), 'the SDK file leaves the page alone').to.deep.equal(['data-a11y-dialog']);
  });

  it('loads a language from next to itself, once, for every element that needs it', async () => {
    // The bundle registered the elements in the test above.
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="ja"><passkey-enroll></passkey-enroll><step-up-challenge></step-up-challenge></div>`,
    );
    const label = (tag: string) =>
      wrapper.querySelector(tag)!.shadowRoot!.querySelector('[part="button"]')?.textContent;
    await waitUntil(() => label('passkey-enroll')?.includes('パスキーを作成'), 'Japanese enroll label');
    await waitUntil(() => label('step-up-challenge')?.includes('パスキーで確認'), 'Japanese step-up label');
    const requests = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.includes('/locales/'));
    expect(requests).to.deep.equal(['/dist/cdn/locales/ja.js']);
  });

  it('shows the other methods from passkey-elements-methods.js next to itself, rendered by the bundle’s Lit', async () => {
    const info = await backend.info();
    const userId = uniqueUser('cdn-methods');
    const email = `${userId}@example.com`;
    await backend.enrollVerified(userId, { verificationMethod: 'EMAIL_OTP', email });
    const el = await fixture<HTMLElement & { token?: string; method?: string }>(
      html`<step-up-challenge
        lang="ja"
        tenant-id=${info.tenantId}
        base-url=${info.url}
        methods="EMAIL_OTP SMS"
      ></step-up-challenge>`,
    );
    el.token = (await backend.track(userId, 'high-value-transfer')).token;
    const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
    await waitUntil(() => part('send-code')?.textContent?.trim() === 'メールでコードを送信', 'Japanese send button');
    const files = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /methods/.test(path));
    expect(files).to.deep.equal(['/dist/cdn/passkey-elements-methods.js', '/dist/cdn/locales/methods/ja.js']);
    // The list and the way back.
    part('other-methods')!.click();
    await waitUntil(() => part('method-option'), 'the list');
    expect(part('method-option')!.textContent!.trim()).to.equal('SMS でコードを受け取る');
    part('back')!.click();
    await waitUntil(() => part('send-code'), 'back on email');
    // The whole email path.
    part('send-code')!.click();
    await waitUntil(() => part('code'), 'the code field');
    (part('code') as HTMLInputElement).value = (await backend.outbox(email))[0]!.code;
    const ended = nextEvent<CustomEvent<{ token: string; method: string }>>(el, [
      'step-up-challenge-success',
      'step-up-challenge-error',
    ]);
    part('verify-code')!.click();
    const event = await ended;
    expect(event.type).to.equal('step-up-challenge-success');
    expect(event.detail.method).to.equal('EMAIL_OTP');
    const validation = await backend.validate({ token: event.detail.token, userId, action: 'high-value-transfer' });
    expect(validation).to.include({ isValid: true, verificationMethod: 'EMAIL_OTP' });
    await expect(el).to.be.accessible();
  });

  it('shows a modal step-up’s dialog from passkey-elements-dialog.js next to itself, styled, rendered by the bundle’s Lit', async () => {
    const el = await fixture<HTMLElement & { open: boolean; updateComplete: Promise<boolean> }>(
      html`<step-up-challenge modal><span slot="description">Confirm the transfer</span></step-up-challenge>`,
    );
    const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
    const dialog = part('dialog') as HTMLDialogElement;
    expect(dialog, 'updateComplete waited for the dialog').to.be.instanceOf(HTMLDialogElement);
    expect(dialog.open).to.equal(false);
    el.open = true;
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(part('title')!.textContent).to.equal('Confirm it’s you');
    // Its rules came with it, adopted by the element's shadow root.
    expect(getComputedStyle(dialog).borderTopLeftRadius).to.equal('12px');
    expect(getComputedStyle(part('close-button')!).fontWeight).to.equal('400');
    const files = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /dialog/.test(path));
    expect(files).to.deep.equal(['/dist/cdn/passkey-elements-dialog.js']);
    const cancelled = nextEvent(el, ['step-up-challenge-cancel']);
    part('close-button')!.click();
    await cancelled;
    expect(dialog.open).to.equal(false);
    expect(el.open).to.equal(false);
  });
});
