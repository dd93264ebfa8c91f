import type { PasskeySignInSuccessDetail } from '../../events/passkey-sign-in-success.js';
import type { Outcome } from '../../internal/error-codes.js';
import type * as Ceremonies from '../../sdk/passkey-ceremonies.js';

/**
 * The SDK's `passkey.signIn({ action })`: a discoverable passkey, no token; with `autofill`, the
 * conditional request behind a field's suggestions. Written here, on the SDK module's `client`
 * and `settle`, rather than in that module: the SDK file every page of the other two elements
 * loads does not grow for it.
 */
export function signInWithPasskey(
  { client, settle, codeFromApiError }: typeof Ceremonies,
  config: Ceremonies.ApiConfig,
  options: { action: string; autofill?: boolean; onVerificationStarted?: () => void },
): Promise<Outcome<PasskeySignInSuccessDetail>> {
  return settle<PasskeySignInSuccessDetail>(async () => {
    const { data, errorCode: error } = await client(config).passkey.signIn(options);
    // The SDK's type lists only the codes it makes itself; the API's pass through as they are.
    const errorCode = error as string | undefined;
    // At sign-in, a passkey the API does not know (deleted, another tenant's) cannot sign anyone
    // in, and a challenge that expired means the sign-in took too long.
    // (Mapped first in any case: that is also what signals an unknown passkey to the browser.)
    if (errorCode) {
      const code = codeFromApiError(errorCode);
      return {
        code:
          errorCode == 'invalid_credential' ? 'no-passkey' : errorCode == 'invalid_challenge' ? 'expired-token' : code,
      };
    }
    return data?.isVerified && data.token ? { data: { token: data.token } } : { code: 'server' };
  });
}
