import { randomUUID } from 'node:crypto';
import type { Authsignal } from '@authsignal/node';

/** A change the backend started and has not completed yet. */
interface PendingChange {
  userId: string;
  kind: 'add' | 'remove';
  method?: string;
  authenticatorId?: string;
}

const ACTIONS = { add: 'add-authenticator', remove: 'remove-authenticator' } as const;

type Reply = { status: number; body: unknown };

/**
 * The host's part of `<passkey-manager>` in browser tests, as the README shows it, with real
 * `@authsignal/node` calls: `POST /test-backend/manager/{user}/token` answers a token to read the
 * list; `POST …/{user}/changes` starts a change; `POST …/{user}/changes/{id}` completes it. The
 * user comes from the path (a real backend takes it from its session).
 */
export class ManagerBackend {
  readonly #pending = new Map<string, PendingChange>();

  constructor(private readonly authsignal: () => Authsignal) {}

  async handle(path: string, body: Record<string, unknown>): Promise<Reply | undefined> {
    const match = /^\/test-backend\/manager\/([^/]+)\/(token|changes)(?:\/([^/]+))?$/.exec(path);
    if (!match) return undefined;
    const userId = decodeURIComponent(match[1]!);
    const authsignal = this.authsignal();
    if (match[2] === 'token') {
      const { token } = await authsignal.track({ userId, action: 'manage-authenticators' });
      return { status: 200, body: { token } };
    }
    if (match[3]) return this.#complete(authsignal, userId, decodeURIComponent(match[3]), body);
    const kind = body.change === 'remove' ? 'remove' : 'add';
    const authenticators = await authsignal.getAuthenticators({ userId });
    if (kind === 'remove') {
      if (!authenticators.some((a) => a.userAuthenticatorId === body.authenticatorId)) {
        return { status: 404, body: { error: 'not_found' } };
      }
      if (authenticators.length === 1) return { status: 409, body: { error: 'last_authenticator' } };
    }
    const id = randomUUID();
    const enrolled = authenticators.length > 0;
    const track = await authsignal.track({
      userId,
      action: ACTIONS[kind],
      // The first way to confirm only may be added without a step-up.
      attributes: { idempotencyKey: id, ...(enrolled ? {} : { scope: 'add:authenticators' }) },
    });
    this.#pending.set(id, {
      userId,
      kind,
      method: kind === 'add' ? String(body.method) : undefined,
      authenticatorId: kind === 'remove' ? String(body.authenticatorId) : undefined,
    });
    return {
      status: 201,
      body: { id, token: track.token, stepUp: enrolled, methods: track.allowedVerificationMethods ?? [] },
    };
  }

  async #complete(authsignal: Authsignal, userId: string, id: string, body: Record<string, unknown>): Promise<Reply> {
    const change = this.#pending.get(id);
    if (!change || change.userId !== userId) return { status: 404, body: { error: 'not_found' } };
    const result = await authsignal.validateChallenge({
      token: String(body.token),
      userId,
      action: ACTIONS[change.kind],
    });
    if (!result.isValid || result.idempotencyKey !== id || !this.#pending.delete(id)) {
      return { status: 403, body: { error: 'verification_failed' } };
    }
    if (change.kind === 'remove') {
      await authsignal.deleteAuthenticator({ userId, userAuthenticatorId: change.authenticatorId! });
      return { status: 200, body: { authenticatorId: change.authenticatorId } };
    }
    const added = (await authsignal.getAuthenticators({ userId })).find(
      (a) => a.userAuthenticatorId === body.userAuthenticatorId,
    );
    if (!added || added.verificationMethod !== change.method) {
      return { status: 403, body: { error: 'verification_failed' } };
    }
    return { status: 200, body: { authenticatorId: added.userAuthenticatorId } };
  }
}
