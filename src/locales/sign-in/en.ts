import type { PasskeySignInStrings } from '../../internal/strings.js';
import en from '../en.js';

/**
 * English for `<passkey-sign-in>`, loaded with that element only: a page of the other two does not
 * pay for it. The other languages keep theirs in their own file (`locales/<code>.js`).
 */
const signIn: PasskeySignInStrings = {
  ...en.passkeyEnroll,
  button: 'Sign in with a passkey',
  success: 'Signed in.',
  cancelled: 'No passkey was used. You can try again, or sign in another way.',
  errors: {
    ...en.passkeyEnroll.errors,
    'expired-token': 'The sign-in took too long. Please try again.',
    'no-passkey': 'This passkey is not registered with us. Sign in another way.',
  },
};
export default signIn;
