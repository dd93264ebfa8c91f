import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToStream, renderToString } from '../../ssr/render-to-string.js';

/** `passkey-elements/ssr` in Node alone: what it renders, streamed or not, and what it leaves behind. */
describe('server rendering in Node (passkey-elements/ssr)', () => {
  const FRAGMENT =
    '<main lang="x"><step-up-challenge tenant-id="t" lang="de-AT"><span slot="description">Hallo</span></step-up-challenge><passkey-enroll tenant-id="t"></passkey-enroll><passkey-sign-in tenant-id="t" lang="ar"><input autocomplete="username webauthn"></passkey-sign-in></main>';

  it('renders each element in its language (its own lang, else the document’s), the rest as written', async () => {
    const html = await renderToString(FRAGMENT, { lang: 'fr' });
    assert.ok(html.startsWith('<main lang="x"><step-up-challenge'), 'no marker of the fragment itself');
    assert.ok(html.endsWith('</passkey-sign-in></main>'));
    assert.equal(html.match(/<template shadowroot="open" shadowrootmode="open"><style>/g)?.length, 3);
    assert.match(html, /lang="de"[^>]*>[\s\S]*Mit Passkey bestätigen/);
    assert.match(html, /lang="fr"[^>]*>[\s\S]*Créer une clé d’accès/);
    assert.match(html, /lang="ar" dir="rtl"[^>]*>[\s\S]*تسجيل الدخول بمفتاح مرور/);
    assert.match(html, /<span slot="description">Hallo<\/span>/, 'light DOM kept');
    assert.match(html, /<input autocomplete="username webauthn">/);
    assert.match(await renderToString('<passkey-enroll tenant-id="t"></passkey-enroll>'), /Create a passkey/);
    // The manager's strings are a module of their own: loaded for its language too.
    assert.match(
      await renderToString('<passkey-manager tenant-id="t" lang="de"></passkey-manager>'),
      /Passkey hinzufügen/,
    );
  });

  it('renders a modal step-up as nothing but its styles: its dialog is a file of its own, and the client renders nothing first too', async () => {
    const html = await renderToString('<step-up-challenge tenant-id="t" modal open></step-up-challenge>');
    const shadow = /<template shadowroot="open" shadowrootmode="open">([\s\S]*)<\/template>/.exec(html)?.[1];
    assert.ok(shadow?.startsWith('<style>'), html);
    assert.doesNotMatch(shadow!.replace(/<style>[\s\S]*?<\/style>/g, ''), /<[a-z]/, 'no element but the styles');
  });

  it('streams the same HTML in chunks', async () => {
    let streamed = '';
    let chunks = 0;
    for await (const chunk of renderToStream(FRAGMENT, { lang: 'fr' })) {
      streamed += chunk;
      chunks++;
    }
    assert.equal(streamed, await renderToString(FRAGMENT, { lang: 'fr' }));
    assert.ok(chunks > 10, `${chunks} chunks`);
  });

  it('leaves no browser global behind: other code on the server never sees a fake browser', async () => {
    const navigatorBefore = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    await renderToString(FRAGMENT);
    const g = globalThis as Record<string, unknown>;
    assert.equal(g.PublicKeyCredential, undefined);
    assert.equal(g.isSecureContext, undefined);
    assert.deepEqual(Object.getOwnPropertyDescriptor(globalThis, 'navigator'), navigatorBefore);
    for (const tag of ['passkey-enroll', 'step-up-challenge', 'passkey-sign-in', 'passkey-manager']) {
      const proto = (customElements.get(tag) as unknown as { prototype: object }).prototype;
      assert.equal(Object.hasOwn(proto, 'closest') || Object.hasOwn(proto, 'getRootNode'), false, tag);
    }
  });
});
