// This app's backend: it asks Authsignal (here the emulator) and decides. The browser is never trusted.
import { Authsignal } from '@authsignal/node';

export function createBackend({ apiUrl, secret, tenantId, userId = 'customer-1' }) {
  const authsignal = new Authsignal({ apiSecretKey: secret, apiUrl });
  const pending = new Set();
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
  };
}
