import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { ApiError } from './api-error.js';
import type { ActionBinding } from './model.js';

const ISSUER = 'authsignal-emulator';

export interface TokenClaims extends ActionBinding {
  scopes: string[];
}

/**
 * Client tokens: HS256 JWTs in the claim shape Authsignal used (`sub`, `scope`, `other`), bound to
 * one action of one user and valid for ten minutes. Both SDKs treat them as opaque.
 */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly tenantId: string,
    private readonly now: () => number,
    private readonly ttlSeconds = 600,
  ) {
    // A key of its own, derived from the secret, so a token never doubles as anything else.
    this.key = createHash('sha256').update(`passkey-elements emulator token key\0${secret}`).digest();
  }

  async issue(binding: ActionBinding, scopes: readonly string[]): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT({
      scope: scopes.join(' '),
      other: { tenantId: this.tenantId, ...binding },
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(binding.userId)
      .setIssuer(ISSUER)
      .setAudience(this.tenantId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .setJti(randomUUID())
      .sign(this.key);
  }

  /** Verifies signature, issuer, tenant and expiry against the injected clock. */
  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: this.tenantId,
        currentDate: new Date(this.now()),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const other = payload.other as Partial<ActionBinding> | undefined;
      if (
        !other ||
        typeof other.userId !== 'string' ||
        other.userId !== payload.sub ||
        typeof other.actionCode !== 'string' ||
        typeof other.idempotencyKey !== 'string'
      ) {
        throw new ApiError(401, 'invalid_token', 'The token is not a client token.');
      }
      return {
        userId: other.userId,
        actionCode: other.actionCode,
        idempotencyKey: other.idempotencyKey,
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
      };
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (error instanceof errors.JWTExpired) {
        throw new ApiError(401, 'expired_token', 'The token has expired.');
      }
      throw new ApiError(401, 'invalid_token', 'The token is invalid.');
    }
  }
}
