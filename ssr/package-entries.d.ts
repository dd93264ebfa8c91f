// The package's own entries, as this Node module imports them at run time (the built files,
// through the package's name). Declared here so that type-checking does not need a build first,
// and the server code never compiles the browser sources into itself.
declare module 'passkey-elements/passkey-enroll.js' {
  export function registerTranslation(locale: string, translation: never): void;
}
declare module 'passkey-elements/step-up-challenge.js';
declare module 'passkey-elements/passkey-sign-in.js';
declare module 'passkey-elements/passkey-manager.js';
declare module 'passkey-elements/locales/*' {
  const strings: object;
  export default strings;
}
