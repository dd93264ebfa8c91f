// This app's backend: it asks Authsignal (here the emulator) and decides. The browser is never trusted.
import { Authsignal } from '@authsignal/node';

export function createBackend({ apiUrl, secret, tenantId, userId = 'customer-1' }) {
  const authsignal = new Authsignal({ apiSecretKey: secret, apiUrl });
  const pending = new Set();
  const changes = new Map();
  return {
    '/api/config': async () => ({ tenantId, baseUrl: apiUrl }),
    '/api/enroll-token': async () => {
      // The user's first way to confirm only. Once they have one, adding another needs a step-up
      // with it (README, "The keys to the account"): never a token that may add by itself.
      if ((await authsignal.getAuthenticators({ userId })).length > 0) return { error: 'step_up_required' };
      const track = await authsignal.track({
        userId,
        action: 'enroll-passkey',
        attributes: { scope: 'add:authenticators' },
      });
      return { token: track.token };
    },
    '/api/transfers': async ({ amount }) => {
      if (amount <= 5000) return { status: 'executed' };
      const id = crypto.randomUUID();
      const track = await authsignal.track({
        userId,
        action: 'high-value-transfer',
        attributes: { idempotencyKey: id },
      });
      pending.add(id);
      return { id, requiresVerification: true, token: track.token };
    },
    '/api/transfers/confirm': async ({ id, token }) => {
      const result = await authsignal.validateChallenge({ token, userId, action: 'high-value-transfer' });
      const ok = result.isValid && result.idempotencyKey === id && pending.delete(id);
      return { status: ok ? 'executed' : 'refused' };
    },
    // readme:start
    // <passkey-manager>: a token to read the user's list, then each change, behind a step-up.
    '/api/security/token': async () => ({
      token: (await authsignal.track({ userId, action: 'view-authenticators' })).token,
    }),
    '/api/security/changes': async ({ change, method, authenticatorId }) => {
      const authenticators = await authsignal.getAuthenticators({ userId });
      if (change === 'remove' && authenticators.length < 2) return { httpStatus: 409, error: 'last_authenticator' };
      const id = crypto.randomUUID();
      const action = change === 'remove' ? 'remove-authenticator' : 'add-authenticator';
      // Only a user with no way to confirm yet may add one without a step-up.
      const scope = authenticators.length ? {} : { scope: 'add:authenticators' };
      const track = await authsignal.track({ userId, action, attributes: { idempotencyKey: id, ...scope } });
      changes.set(id, { action, method, authenticatorId });
      return { id, token: track.token, stepUp: authenticators.length > 0, methods: track.allowedVerificationMethods };
    },
    '/api/security/changes/:id': async ({ token, userAuthenticatorId }, id) => {
      const change = changes.get(id);
      const result = change && (await authsignal.validateChallenge({ token, userId, action: change.action }));
      // This user, this change, its step-up (or first enrollment) succeeded, and used once.
      if (result?.state !== 'CHALLENGE_SUCCEEDED' || result.idempotencyKey !== id || !changes.delete(id)) {
        return { httpStatus: 403, error: 'refused' };
      }
      if (change.authenticatorId) {
        await authsignal.deleteAuthenticator({ userId, userAuthenticatorId: change.authenticatorId });
        return { authenticatorId: change.authenticatorId };
      }
      const added = (await authsignal.getAuthenticators({ userId })).find(
        (a) => a.userAuthenticatorId === userAuthenticatorId,
      );
      // What was added with the token must be what the change was for; anything else goes.
      if (added?.verificationMethod === change.method) return { authenticatorId: added.userAuthenticatorId };
      if (added) await authsignal.deleteAuthenticator({ userId, userAuthenticatorId: added.userAuthenticatorId });
      return { httpStatus: 403, error: 'refused' };
    },
    // readme:end
  };
}
