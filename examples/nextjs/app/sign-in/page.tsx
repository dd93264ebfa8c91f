import { renderToString } from 'passkey-elements/ssr';
import { Hydrate } from './hydrate';

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// A server component: the element's shadow DOM is rendered here (declarative shadow DOM), so the
// button paints with the HTML, before any script; <Hydrate> then brings the element to life.
export default async function SignIn() {
  const html = await renderToString(
    `<passkey-sign-in id="sign-in" tenant-id="${attribute(process.env.AUTHSIGNAL_TENANT_ID!)}" base-url="${attribute(process.env.AUTHSIGNAL_API_URL!)}"></passkey-sign-in>`,
    { lang: 'en' },
  );
  return (
    <main>
      <h1>Sign in</h1>
      {/* The server's own markup, rendered from constants and escaped attributes: React leaves it as it is. */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
      <Hydrate />
    </main>
  );
}

export const dynamic = 'force-dynamic';
