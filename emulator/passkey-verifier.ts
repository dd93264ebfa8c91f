import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { ApiError } from './api-error.js';
import type { PasskeyCredentialRecord } from './model.js';

// ES256 and RS256: what platform authenticators and the virtual authenticator offer.
const ALGORITHMS = [-7, -257];
const TIMEOUT_MS = 60_000;

/** WebAuthn options and verification, all through `@simplewebauthn/server`. */
export class PasskeyVerifier {
  constructor(
    private readonly rpId: string,
    private readonly rpName: string,
    private readonly origins: readonly string[],
  ) {}

  registrationOptions(input: {
    userId: string;
    userName: string;
    displayName: string;
    attachment?: 'platform' | 'cross-platform';
    exclude: PasskeyCredentialRecord[];
  }): Promise<PublicKeyCredentialCreationOptionsJSON> {
    return generateRegistrationOptions({
      rpName: this.rpName,
      rpID: this.rpId,
      userName: input.userName,
      // The user handle is the user id, so a discoverable sign-in names its user.
      userID: new TextEncoder().encode(input.userId),
      userDisplayName: input.displayName,
      timeout: TIMEOUT_MS,
      attestationType: 'none',
      excludeCredentials: input.exclude.map((c) => ({
        id: c.credentialId,
        transports: c.transports as AuthenticatorTransport[],
      })),
      authenticatorSelection: {
        residentKey: 'required',
        userVerification: 'required',
        ...(input.attachment ? { authenticatorAttachment: input.attachment } : {}),
      },
      supportedAlgorithmIDs: ALGORITHMS,
    });
  }

  async verifyRegistration(
    response: RegistrationResponseJSON,
    expectedChallenge: string,
  ): Promise<Omit<PasskeyCredentialRecord, 'name' | 'deviceId'>> {
    let result;
    try {
      result = await verifyRegistrationResponse({
        response,
        expectedChallenge,
        expectedOrigin: [...this.origins],
        expectedRPID: this.rpId,
        requireUserVerification: true,
        supportedAlgorithmIDs: ALGORITHMS,
      });
    } catch (error) {
      throw ApiError.invalidCredential(`The passkey could not be verified: ${(error as Error).message}`);
    }
    if (!result.verified) throw ApiError.invalidCredential('The passkey could not be verified.');
    const info = result.registrationInfo;
    return {
      credentialId: info.credential.id,
      publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
      counter: info.credential.counter,
      transports: info.credential.transports ?? response.response.transports ?? [],
      aaguid: info.aaguid,
      authenticatorAttachment: response.authenticatorAttachment ?? undefined,
      credentialBackedUp: info.credentialBackedUp,
      credentialDeviceType: info.credentialDeviceType,
    };
  }

  authenticationOptions(allow: PasskeyCredentialRecord[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return generateAuthenticationOptions({
      rpID: this.rpId,
      timeout: TIMEOUT_MS,
      userVerification: 'required',
      allowCredentials: allow.map((c) => ({
        id: c.credentialId,
        transports: c.transports as AuthenticatorTransport[],
      })),
    });
  }

  /** Returns the new sign counter; throws `invalid_credential` on any failed check. */
  async verifyAuthentication(
    response: AuthenticationResponseJSON,
    expectedChallenge: string,
    credential: PasskeyCredentialRecord,
  ): Promise<number> {
    let result;
    try {
      result = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: [...this.origins],
        expectedRPID: this.rpId,
        requireUserVerification: true,
        credential: {
          id: credential.credentialId,
          publicKey: isoBase64URL.toBuffer(credential.publicKey),
          counter: credential.counter,
          transports: credential.transports as AuthenticatorTransport[],
        },
      });
    } catch (error) {
      throw ApiError.invalidCredential(`The passkey could not be verified: ${(error as Error).message}`);
    }
    if (!result.verified) throw ApiError.invalidCredential('The passkey could not be verified.');
    return result.authenticationInfo.newCounter;
  }
}
