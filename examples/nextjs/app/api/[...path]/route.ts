// This app's backend: it asks Authsignal (in the test, the emulator) and decides.
import { Authsignal } from '@authsignal/node';

const authsignal = new Authsignal({
  apiSecretKey: process.env.AUTHSIGNAL_API_SECRET_KEY!,
  apiUrl: process.env.AUTHSIGNAL_API_URL!,
});
const userId = 'customer-1';
const pending = new Set<string>();

type Body = { amount?: number; id?: string; token?: string };
const routes: Record<string, (body: Body) => Promise<object>> = {
  'enroll-token': async () => {
    // The user's first way to confirm only: adding another needs a step-up with it (see the README).
    if ((await authsignal.getAuthenticators({ userId })).length > 0) return { error: 'step_up_required' };
    const track = await authsignal.track({
      userId,
      action: 'enroll-passkey',
      attributes: { scope: 'add:authenticators' },
    });
    return { token: track.token };
  },
  transfers: async ({ amount = 0 }) => {
    if (amount <= 5000) return { status: 'executed' };
    const id = crypto.randomUUID();
    const track = await authsignal.track({ userId, action: 'high-value-transfer', attributes: { idempotencyKey: id } });
    pending.add(id);
    return { id, requiresVerification: true, token: track.token };
  },
  // Validated on the server, bound to the transfer the token was won for, once.
  'transfers/confirm': async ({ id = '', token = '' }) => {
    const result = await authsignal.validateChallenge({ token, userId, action: 'high-value-transfer' });
    return { status: result.isValid && result.idempotencyKey === id && pending.delete(id) ? 'executed' : 'refused' };
  },
};

export async function POST(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const route = routes[(await params).path.join('/')];
  if (!route) return new Response(null, { status: 404 });
  return Response.json(await route(await request.json().catch(() => ({}))));
}
