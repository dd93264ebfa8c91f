import 'passkey-elements';

document
  .querySelector('passkey-enroll')
  .addEventListener('passkey-enroll-success', (event) =>
    fetch('/api/passkey/validate', { method: 'POST', body: JSON.stringify({ token: event.detail.token }) }),
  );
