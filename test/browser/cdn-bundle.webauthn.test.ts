import { expect, fixture, html } from '@open-wc/testing';
import { backend, uniqueUser } from './support/backend.js';
import { nextEvent } from './support/events.js';
import { virtualAuthenticator } from './support/virtual-authenticator.js';

// The built CDN bundle (`npm test` builds it first), loaded the way a page's script tag does.
const BUNDLE = '/dist/cdn/passkey-elements.js';

describe('dist/cdn/passkey-elements.js', () => {
  afterEach(() => virtualAuthenticator.removeAll());

  it('is one self-contained module: no imports left but the on-demand locales', async () => {
    const source = await fetch(BUNDLE).then((r) => r.text());
    expect(source.length).to.be.greaterThan(10_000);
    expect(source).not.to.match(/(^|[;\s])import\s*[{*"'\w]/);
    const dynamicImports = source.match(/\bimport\([^)]*\)/g) ?? [];
    expect(dynamicImports).to.have.length(1);
    expect(dynamicImports[0]).to.include('locales/');
  });

  it('registers <passkey-enroll> and enrolls a passkey, with nothing else on the page', async () => {
    expect(customElements.get('passkey-enroll')).to.equal(undefined);
    await import(/* @vite-ignore */ BUNDLE);
    expect(customElements.get('passkey-enroll')).to.be.a('function');
    // A second copy on the page does not throw.
    await import(/* @vite-ignore */ `${BUNDLE}?copy=2`);

    const info = await backend.info();
    await virtualAuthenticator.add();
    const userId = uniqueUser();
    const el = await fixture<HTMLElement & { token?: string }>(
      html`<passkey-enroll
        tenant-id=${info.tenantId}
        base-url=${info.url}
        username="cdn@example.com"
      ></passkey-enroll>`,
    );
    el.token = (await backend.track(userId, 'enroll-passkey')).token;
    el.shadowRoot!.querySelector('button')!.click();
    const event = await nextEvent<CustomEvent<{ token: string }>>(el, [
      'passkey-enroll-success',
      'passkey-enroll-error',
      'passkey-enroll-cancel',
    ]);
    expect(event.type).to.equal('passkey-enroll-success');
    expect((await backend.validate({ token: event.detail.token, userId })).isValid).to.equal(true);
  });
});
