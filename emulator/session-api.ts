import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose';
import { ApiError } from './api-error.js';
import { BodyReader } from './body-reader.js';
import type { EmulatorContext } from './emulator-context.js';
import type { SessionRecord } from './model.js';
import type { ApiRequest, Router } from '../shared/router.js';
import { addServerRoutes } from './request-authenticator.js';

const ISSUER = 'authsignal-emulator';
const KEPT_USED_REFRESH_TOKENS = 50;

/** How long a session's tokens live (Authsignal configures both per app client). */
export interface SessionLifetimes {
  /** Default 600 (10 minutes): validate often, refresh when it ends. */
  accessTokenSeconds?: number;
  /** Default 2,592,000 (30 days): the whole family, however often it refreshes. */
  refreshTokenSeconds?: number;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** `generateKeyPairSync` with JWK encodings, which Node takes and @types/node lists for no RSA pair. */
const generateJwkPair = generateKeyPairSync as unknown as (
  type: 'rsa',
  options: { modulusLength: number; publicKeyEncoding: { format: 'jwk' }; privateKeyEncoding: { format: 'jwk' } },
) => { publicKey: Record<string, unknown>; privateKey: Record<string, unknown> };

/**
 * Authsignal's sessions (`createSession`, `validateSession`, `refreshSession`, `revokeSession`,
 * `revokeUserSessions`): a challenge token that succeeded becomes an RS256 access token (`aud`
 * the app client, `sub` the user, `sid` the session) and an opaque refresh token. A refresh
 * rotates both (the access token also names the verification method): the old refresh token
 * never works again, and presenting it revokes the whole session (OAuth's refresh-token
 * rotation), since only a thief would still hold it. The public key
 * is at `GET /v1/client/public/{tenantId}/.well-known/jwks`, as Authsignal publishes its own.
 */
export class SessionApi {
  #key?: { privateKey: KeyObject; publicJwk: Record<string, unknown>; kid: string };

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly tenantId: string,
    private readonly clientIds: readonly string[],
    private readonly lifetimes: Required<SessionLifetimes>,
  ) {}

  register(router: Router): void {
    addServerRoutes(router, this.ctx, [
      ['POST', '/v1/sessions', (r) => this.create(r)],
      ['POST', '/v1/sessions/validate', (r) => this.validate(r)],
      ['POST', '/v1/sessions/refresh', (r) => this.refresh(r)],
      ['POST', '/v1/sessions/revoke', (r) => this.revoke(r)],
      ['POST', '/v1/sessions/user/revoke', (r) => this.revokeUser(r)],
    ]);
    router.add('GET', '/v1/client/public/:tenantId/.well-known/jwks', (r) => {
      if (r.params.tenantId !== this.tenantId) throw ApiError.notFound('No such tenant.');
      const { publicJwk, kid } = this.key();
      return { body: { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] } };
    });
  }

  /** The signing key: made once, kept in the data file (a restart keeps every session valid). */
  private key() {
    if (this.#key) return this.#key;
    const jwk = this.ctx.store.sessionKey(
      // Encoded by the key generation itself: exporting the generated KeyObject instead can
      // deadlock Node 20 (a garbage collection during the export runs the finished key-generation
      // job's destructor, which waits on the lock the export holds). It hung a reliability run.
      () =>
        generateJwkPair('rsa', {
          modulusLength: 2048,
          publicKeyEncoding: { format: 'jwk' },
          privateKeyEncoding: { format: 'jwk' },
        }).privateKey as never,
    );
    const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
    const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' }) as Record<string, unknown>;
    const kid = sha256(String(publicJwk.n)).slice(0, 16);
    return (this.#key = { privateKey, publicJwk, kid });
  }

  private async create(r: ApiRequest): Promise<unknown> {
    const body = new BodyReader(r.body);
    const clientId = this.knownClient(body.string('clientId'));
    const token = body.string('token', 8192);
    const expectedAction = body.optionalString('action');
    const claims = await this.ctx.tokens.verify(token);
    if (expectedAction !== undefined && expectedAction !== claims.actionCode) {
      throw new ApiError(400, 'action_mismatch', 'The token was issued for another action.');
    }
    const action = this.ctx.store.getAction(claims.userId, claims.actionCode, claims.idempotencyKey);
    if (!action) throw new ApiError(401, 'invalid_token', 'The action of this token no longer exists.');
    if (action.state !== 'CHALLENGE_SUCCEEDED') {
      throw ApiError.invalidChallenge(`The challenge of this token has not succeeded (state ${action.state}).`);
    }
    if (action.sessionId !== undefined) {
      throw ApiError.invalidChallenge('This challenge already started a session; a challenge starts one only.');
    }
    const now = this.ctx.now();
    const sessionId = randomUUID();
    const refreshToken = randomBytes(32).toString('hex');
    const session: SessionRecord = {
      sessionId,
      userId: claims.userId,
      clientId,
      ...(action.verificationMethod ? { verificationMethod: action.verificationMethod } : {}),
      createdAt: new Date(now).toISOString(),
      expiresAt: now + this.lifetimes.refreshTokenSeconds * 1000,
      accessJti: randomUUID(),
      refreshHash: sha256(refreshToken),
      usedRefreshHashes: [],
    };
    this.ctx.store.putAction({ ...action, sessionId });
    this.ctx.store.putSession(session, now);
    return { accessToken: await this.sign(session), refreshToken };
  }

  private async validate(r: ApiRequest): Promise<unknown> {
    const body = new BodyReader(r.body);
    const accessToken = body.string('accessToken', 8192);
    const clientIds = body.raw().clientIds;
    if (clientIds !== undefined && (!Array.isArray(clientIds) || !clientIds.every((c) => typeof c === 'string'))) {
      throw ApiError.badRequest('"clientIds" must be a list of client ids.');
    }
    const { payload, session } = await this.current(accessToken);
    if (clientIds !== undefined && !clientIds.includes(session.clientId)) {
      throw new ApiError(401, 'invalid_token', 'The access token was issued for another client.');
    }
    const user = this.ctx.store.getUser(session.userId);
    if (!user) throw new ApiError(401, 'invalid_token', 'The user of this session no longer exists.');
    const { createdAt: _createdAt, ...attributes } = user;
    return {
      user: attributes,
      expiresAt: payload.exp,
      ...(session.verificationMethod ? { verificationMethod: session.verificationMethod } : {}),
    };
  }

  private async refresh(r: ApiRequest): Promise<unknown> {
    const presented = sha256(new BodyReader(r.body).string('refreshToken', 512));
    const found = this.ctx.store.sessionByRefresh(presented);
    const now = this.ctx.now();
    if (!found) throw new ApiError(401, 'invalid_token', 'The refresh token is unknown.');
    const { session, reused } = found;
    if (reused) {
      // Two holders of one refresh token: one of them stole it. Neither keeps the session.
      if (!session.revokedAt) this.ctx.store.putSession({ ...session, revokedAt: new Date(now).toISOString() }, now);
      throw new ApiError(401, 'invalid_token', 'The refresh token was already used; the session is revoked.');
    }
    if (session.revokedAt) throw new ApiError(401, 'invalid_token', 'The session was revoked.');
    if (session.expiresAt <= now) throw new ApiError(401, 'expired_token', 'The session has expired.');
    const refreshToken = randomBytes(32).toString('hex');
    const rotated: SessionRecord = {
      ...session,
      accessJti: randomUUID(),
      refreshHash: sha256(refreshToken),
      usedRefreshHashes: [presented, ...session.usedRefreshHashes].slice(0, KEPT_USED_REFRESH_TOKENS),
    };
    this.ctx.store.putSession(rotated, now);
    return { accessToken: await this.sign(rotated), refreshToken };
  }

  /** Revokes the session of an access token: one whose time is up too (signing out late still signs out). */
  private async revoke(r: ApiRequest): Promise<unknown> {
    const payload = await this.verified(new BodyReader(r.body).string('accessToken', 8192), { expiredToo: true });
    const session = this.ctx.store.getSession(String(payload.sid));
    if (session && !session.revokedAt) {
      this.ctx.store.putSession({ ...session, revokedAt: new Date(this.ctx.now()).toISOString() }, this.ctx.now());
    }
    return {};
  }

  private revokeUser(r: ApiRequest): unknown {
    const userId = new BodyReader(r.body).string('userId');
    const now = this.ctx.now();
    for (const session of this.ctx.store.sessionsOf(userId)) {
      if (!session.revokedAt) this.ctx.store.putSession({ ...session, revokedAt: new Date(now).toISOString() }, now);
    }
    return {};
  }

  private knownClient(clientId: string): string {
    if (!this.clientIds.includes(clientId)) {
      throw ApiError.badRequest(`Unknown client id "${clientId}": configure it (--client-id) first.`);
    }
    return clientId;
  }

  private sign(session: SessionRecord): Promise<string> {
    const { privateKey, kid } = this.key();
    const iat = Math.floor(this.ctx.now() / 1000);
    return new SignJWT({
      sid: session.sessionId,
      ...(session.verificationMethod ? { verificationMethod: session.verificationMethod } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuer(ISSUER)
      .setSubject(session.userId)
      .setAudience(session.clientId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.lifetimes.accessTokenSeconds)
      .setJti(session.accessJti)
      .sign(privateKey);
  }

  /** The payload of an access token this emulator signed (signature, issuer, and expiry unless `expiredToo`). */
  private async verified(token: string, { expiredToo = false } = {}): Promise<JWTPayload> {
    const { privateKey } = this.key();
    try {
      const { payload } = await jwtVerify(token, createPublicKey(privateKey), {
        algorithms: ['RS256'],
        issuer: ISSUER,
        currentDate: new Date(this.ctx.now()),
        requiredClaims: ['sub', 'sid', 'jti', 'aud', 'exp'],
      });
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        if (expiredToo) return error.payload;
        throw new ApiError(401, 'expired_token', 'The access token has expired.');
      }
      throw new ApiError(401, 'invalid_token', 'The access token is invalid.');
    }
  }

  /** A live access token: its session not revoked, and not replaced by a refresh since. */
  private async current(token: string): Promise<{ payload: JWTPayload; session: SessionRecord }> {
    const payload = await this.verified(token);
    const session = this.ctx.store.getSession(String(payload.sid));
    if (!session || session.userId !== payload.sub || session.clientId !== payload.aud) {
      throw new ApiError(401, 'invalid_token', 'The session of this access token does not exist.');
    }
    if (session.revokedAt) throw new ApiError(401, 'invalid_token', 'The session was revoked.');
    if (session.accessJti !== payload.jti) {
      throw new ApiError(401, 'invalid_token', 'The access token was replaced by a refresh.');
    }
    return { payload, session };
  }
}
