// The CDN's `passkey-elements-hydrate.js`: Lit's hydration support, for a page whose server
// rendered the elements (`passkey-elements/ssr`). Loaded before the elements' files, it hands each
// of their Lit copies the hook that adopts the server's shadow DOM instead of rendering anew
// (`globalThis.litElementHydrateSupport`, which every LitElement calls as it is defined). A page
// that renders in the browser does not load it, and pays nothing for it.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
