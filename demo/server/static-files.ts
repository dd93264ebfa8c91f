import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The files the demo page consists of; nothing else is served from disk. */
const FILES: Record<string, { path: string; type: string }> = {
  '/': { path: 'demo/public/index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { path: 'demo/public/app.js', type: 'text/javascript; charset=utf-8' },
  '/styles.css': { path: 'demo/public/styles.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { path: 'demo/public/favicon.svg', type: 'image/svg+xml' },
  // The package as a customer uses it: the built CDN bundle.
  '/assets/passkey-elements.js': { path: 'dist/cdn/passkey-elements.js', type: 'text/javascript; charset=utf-8' },
  '/assets/passkey-elements.js.map': { path: 'dist/cdn/passkey-elements.js.map', type: 'application/json' },
  // The SDK, which the bundle loads from next to itself when a ceremony is near.
  '/assets/passkey-sign-in.js': { path: 'dist/cdn/passkey-sign-in.js', type: 'text/javascript; charset=utf-8' },
  '/assets/passkey-sign-in.js.map': { path: 'dist/cdn/passkey-sign-in.js.map', type: 'application/json' },
  '/assets/passkey-elements-sdk.js': {
    path: 'dist/cdn/passkey-elements-sdk.js',
    type: 'text/javascript; charset=utf-8',
  },
  '/assets/passkey-elements-sdk.js.map': { path: 'dist/cdn/passkey-elements-sdk.js.map', type: 'application/json' },
  // <passkey-manager>, the security page's element (its chunks load from next to it: see below).
  '/assets/passkey-manager.js': { path: 'dist/cdn/passkey-manager.js', type: 'text/javascript; charset=utf-8' },
  // The step-up's other methods (codes), which the bundle loads from next to itself where a page names them.
  '/assets/passkey-elements-methods.js': {
    path: 'dist/cdn/passkey-elements-methods.js',
    type: 'text/javascript; charset=utf-8',
  },
  '/assets/passkey-elements-methods.js.map': {
    path: 'dist/cdn/passkey-elements-methods.js.map',
    type: 'application/json',
  },
  // The step-up's modal dialog, which the bundle loads from next to itself where a step-up is modal.
  '/assets/passkey-elements-dialog.js': {
    path: 'dist/cdn/passkey-elements-dialog.js',
    type: 'text/javascript; charset=utf-8',
  },
  '/assets/passkey-elements-dialog.js.map': {
    path: 'dist/cdn/passkey-elements-dialog.js.map',
    type: 'application/json',
  },
  // The fetch of token-url's token, which the bundle loads from next to itself where an element has one.
  '/assets/passkey-elements-token.js': {
    path: 'dist/cdn/passkey-elements-token.js',
    type: 'text/javascript; charset=utf-8',
  },
  '/assets/passkey-elements-token.js.map': {
    path: 'dist/cdn/passkey-elements-token.js.map',
    type: 'application/json',
  },
};

/**
 * The CDN bundle's on-demand locales, next to it as the bundle expects: /assets/locales/<code>.js,
 * the other methods' strings, /assets/locales/methods/<code>.js, and the manager's,
 * /assets/locales/manager/<code>.js; and <passkey-manager>'s on-demand chunks
 * (/assets/passkey-manager-<name>.js: its list reader, its change steps, the QR library, the Signal API calls).
 */
function localeFile(pathname: string): { path: string; type: string } | undefined {
  const match = /^\/assets\/locales\/((?:methods\/|manager\/)?[a-z]{2}(?:-[a-z]+)?)\.js$/.exec(pathname);
  if (match) return { path: `dist/cdn/locales/${match[1]}.js`, type: 'text/javascript; charset=utf-8' };
  const chunk = /^\/assets\/(passkey-manager(?:-[a-z][a-z.-]*)?\.js(?:\.map)?)$/.exec(pathname);
  return chunk
    ? {
        path: `dist/cdn/${chunk[1]}`,
        type: chunk[1]!.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8',
      }
    : undefined;
}

export async function staticFile(pathname: string): Promise<{ body: Buffer; type: string } | undefined> {
  const file = FILES[pathname] ?? localeFile(pathname);
  if (!file) return undefined;
  try {
    return { body: await readFile(join(root, file.path)), type: file.type };
  } catch {
    if (FILES[pathname] && pathname.startsWith('/assets/'))
      throw new Error(`${file.path} is missing: run npm run build (npm start does).`);
    return undefined;
  }
}
