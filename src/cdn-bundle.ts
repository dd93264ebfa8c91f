// The CDN's `passkey-elements.js` (and `passkey-elements.iife.js`): the two elements of a signed-in
// app's pages. `<passkey-sign-in>` is the CDN file `passkey-sign-in.js`, so that these pages do not
// pay for it (the npm entry `passkey-elements` registers all three; bundlers drop what is unused
// through the per-element entries).
export * from './passkey-enroll.js';
export * from './step-up-challenge.js';
