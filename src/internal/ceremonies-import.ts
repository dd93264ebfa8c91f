// A dynamic import, so that bundlers (Vite, webpack, esbuild) put the SDK and its glue in a chunk
// of their own. The CDN builds swap this module for cdn-ceremonies-import.ts (see vite.config.ts).
export const importCeremonies = () => import('../sdk/passkey-ceremonies.js');
