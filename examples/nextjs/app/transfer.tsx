'use client';
// The React wrappers: properties set as properties, events as typed props, attached on hydration.
import { PasskeyEnroll, StepUpChallenge } from 'passkey-elements/react';
import type { StepUpChallengeSuccessEvent } from 'passkey-elements';
import { useState, type FormEvent } from 'react';

const post = (path: string, body: object) =>
  fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    (response) => response.json(),
  );

export function Transfer({ tenantId, baseUrl }: { tenantId: string; baseUrl: string }) {
  const [amount, setAmount] = useState('');
  const [transfer, setTransfer] = useState<{ id: string; token: string }>();
  const [status, setStatus] = useState('');

  async function send(event: FormEvent) {
    event.preventDefault();
    const answer = await post('/api/transfers', { amount: Number(amount) });
    if (!answer.requiresVerification) return setStatus('Sent.');
    setTransfer(answer);
  }

  async function confirmed(event: StepUpChallengeSuccessEvent) {
    const { status: outcome } = await post('/api/transfers/confirm', { id: transfer!.id, token: event.detail.token });
    setTransfer(undefined);
    setStatus(outcome === 'executed' ? 'Sent after confirmation.' : 'Not confirmed.');
  }

  return (
    <>
      <PasskeyEnroll
        tenantId={tenantId}
        baseUrl={baseUrl}
        tokenUrl="/api/enroll-token"
        onSuccess={() => setStatus('Passkey added.')}
      />
      <form onSubmit={send}>
        <label htmlFor="amount">Amount</label>
        <input id="amount" value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
        <button type="submit">Send</button>
      </form>
      {/* readme:start */}
      <StepUpChallenge
        tenantId={tenantId}
        baseUrl={baseUrl}
        modal
        token={transfer?.token}
        open={!!transfer}
        onSuccess={confirmed}
        onCancel={() => setTransfer(undefined)}
      >
        <span slot="description">Confirm the transfer of ${amount}</span>
      </StepUpChallenge>
      {/* readme:end */}
      <p role="status">{status}</p>
    </>
  );
}
