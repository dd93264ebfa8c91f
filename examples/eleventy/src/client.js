import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import 'passkey-elements/passkey-sign-in.js';
import 'passkey-elements/passkey-enroll.js';

// What the page does with the token: here, keep it for the test; a real page posts it to its backend.
for (const event of ['passkey-sign-in-success', 'passkey-enroll-success']) {
  document.addEventListener(event, (e) => (window.lastToken = e.detail.token));
}
