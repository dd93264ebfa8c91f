// The page's script: the elements' properties and events, and this app's own backend.
import 'passkey-elements';

const post = (path, body) =>
  fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    (response) => response.json(),
  );

export function startApp({ tenantId, baseUrl }) {
  const enroll = document.querySelector('passkey-enroll');
  const stepUp = document.querySelector('step-up-challenge');
  const manager = document.querySelector('passkey-manager');
  const status = document.querySelector('#status');
  for (const element of [enroll, stepUp, manager]) Object.assign(element, { tenantId, baseUrl });
  let transfer;

  enroll.addEventListener('passkey-enroll-success', () => {
    status.textContent = 'Passkey added.';
    manager.refresh();
  });
  manager.addEventListener('passkey-manager-change', ({ detail }) => (status.textContent = `${detail.kind}.`));
  document.querySelector('#transfer').addEventListener('submit', async (event) => {
    event.preventDefault();
    transfer = await post('/api/transfers', { amount: Number(document.querySelector('#amount').value) });
    if (!transfer.requiresVerification) return void (status.textContent = 'Sent.');
    stepUp.token = transfer.token;
    stepUp.open = true;
  });
  stepUp.addEventListener('step-up-challenge-success', async (event) => {
    const { status: outcome } = await post('/api/transfers/confirm', { id: transfer.id, token: event.detail.token });
    status.textContent = outcome === 'executed' ? 'Sent after confirmation.' : 'Not confirmed.';
  });
}
