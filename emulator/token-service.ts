import { randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { ApiError } from './api-error.js';
import type { ActionBinding } from './model.js';

const ISSUER = 'authsignal-emulator';

export interface TokenClaims extends ActionBinding {
  scopes: string[];
}

/**
 * Client tokens: HS256 JWTs signed with the API secret, in the claim shape Authsignal uses (`sub`,
 * `scope`, `other`), bound to one action of one user and valid for ten minutes. Today's SDKs treat
 * them as opaque; older `@authsignal/node` (0.0.x) verifies them itself with the secret as the
 * HS256 key before asking the API, so the key must be the secret and nothing derived from it.
 */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly tenantId: string,
    private readonly now: () => number,
    private readonly ttlSeconds = 600,
  ) {
    // Issuer, audience and the `other` claims below keep a token from doubling as anything else.
    this.key = new TextEncoder().encode(secret);
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
