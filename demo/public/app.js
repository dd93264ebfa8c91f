// The demo bank's page. It uses passkey-elements only through its public surface: the two tags,
// their properties and their events. Every token goes to this app's own backend, which decides.

const $ = (id) => document.getElementById(id);
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

let config;

/**
 * The language and theme pickers, remembered in this browser. The language goes on the two
 * elements only (the rest of the page stays English); "Browser’s language" gives them lang=""
 * (unknown), so they skip the page's English and pick from the browser's own list.
 */
const preferences = {
  get language() {
    return localStorage.getItem('demo.language') ?? '';
  },
  get theme() {
    return localStorage.getItem('demo.theme') ?? 'northwind';
  },
};

function applyLanguage(element) {
  element.lang = preferences.language;
}

function applyPreferences() {
  $('language').value = preferences.language;
  $('theme').value = preferences.theme;
  document.documentElement.dataset.theme = preferences.theme;
  for (const element of document.querySelectorAll('passkey-enroll, step-up-challenge')) applyLanguage(element);
}

$('language').addEventListener('change', (event) => {
  localStorage.setItem('demo.language', event.target.value);
  applyPreferences();
});
$('theme').addEventListener('change', (event) => {
  localStorage.setItem('demo.theme', event.target.value);
  applyPreferences();
});
applyPreferences();
/** The pending transfer the step-up dialog is confirming. */
let confirming;

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  const data = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, data };
}

function notify(message) {
  $('notice').textContent = message;
}

function show(signedIn) {
  $('signin').hidden = signedIn;
  $('dashboard').hidden = !signedIn;
  $('user').hidden = !signedIn;
}

async function showSignIn() {
  show(false);
  $('enroll-slot').replaceChildren();
}

async function refresh() {
  const { ok, data } = await api('GET', '/api/account');
  if (!ok) return showSignIn();
  show(true);
  $('user-name').textContent = data.username;
  $('balance').textContent = money.format(data.balance);
  renderHistory(data.transfers);
  ensureEnroll(data.username);
  await refreshPasskeys();
}

function renderHistory(transfers) {
  const list = $('history');
  if (transfers.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent = 'No transfers yet.';
    list.replaceChildren(empty);
    return;
  }
  list.replaceChildren(
    ...transfers.map((t) => {
      const item = document.createElement('li');
      item.dataset.status = t.status;
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = t.recipient;
      const date = document.createElement('span');
      date.className = 'when';
      date.textContent = when.format(new Date(t.executedAt ?? t.createdAt));
      const amount = document.createElement('span');
      amount.className = 'amount';
      amount.textContent = `−${money.format(t.amount)}`;
      const status = document.createElement('span');
      status.className = `badge ${t.status}`;
      status.textContent = t.status === 'executed' ? 'Sent' : 'Pending';
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.append(who, date);
      item.append(meta, amount, status);
      if (t.status === 'pending') {
        const confirm = document.createElement('button');
        confirm.type = 'button';
        confirm.className = 'secondary small';
        confirm.textContent = 'Confirm';
        confirm.setAttribute('aria-label', `Confirm ${money.format(t.amount)} to ${t.recipient}`);
        confirm.addEventListener('click', () => reconfirm(t));
        item.append(confirm);
      }
      return item;
    }),
  );
}

/** <passkey-enroll> is created once signed in: its token-url only works inside a session. */
function ensureEnroll(username) {
  const slot = $('enroll-slot');
  if (slot.querySelector('passkey-enroll')) return;
  const enroll = document.createElement('passkey-enroll');
  enroll.tenantId = config.tenantId;
  enroll.baseUrl = config.baseUrl;
  enroll.username = username;
  enroll.tokenUrl = '/api/passkey/enroll';
  applyLanguage(enroll);
  enroll.addEventListener('passkey-enroll-success', async (event) => {
    const { ok } = await api('POST', '/api/passkey/validate', { token: event.detail.token });
    notify(ok ? 'Passkey added. Large transfers now ask for it.' : 'The passkey could not be confirmed by the bank.');
    await refreshPasskeys();
  });
  slot.replaceChildren(enroll);
}

async function refreshPasskeys() {
  const { ok, data } = await api('GET', '/api/passkeys');
  const list = $('passkeys');
  if (!ok || data.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent = ok ? 'No passkey yet.' : 'Could not load your passkeys.';
    list.replaceChildren(empty);
    return;
  }
  list.replaceChildren(
    ...data.map((passkey, index) => {
      const item = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = `${passkey.name} ${index + 1}`;
      const added = document.createElement('span');
      added.className = 'when';
      added.textContent = `Added ${when.format(new Date(passkey.createdAt))}`;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'secondary small';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove ${passkey.name} ${index + 1}`);
      remove.addEventListener('click', async () => {
        const result = await api('DELETE', `/api/passkeys/${encodeURIComponent(passkey.id)}`);
        notify(result.ok ? 'Passkey removed.' : result.data.message);
        await refreshPasskeys();
      });
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.append(label, added);
      item.append(meta, remove);
      return item;
    }),
  );
}

function openStepUp(transfer, token) {
  confirming = transfer;
  const stepUp = $('step-up');
  $('step-up-description').textContent =
    `Confirm the transfer of ${money.format(transfer.amount)} to ${transfer.recipient}.`;
  stepUp.token = token;
  stepUp.open = true;
}

async function reconfirm(transfer) {
  const { ok, data } = await api('POST', `/api/transfers/${encodeURIComponent(transfer.id)}/challenge`);
  if (!ok) return notify(data.message);
  openStepUp(transfer, data.token);
}

function setUpStepUp() {
  const stepUp = $('step-up');
  stepUp.tenantId = config.tenantId;
  stepUp.baseUrl = config.baseUrl;
  stepUp.addEventListener('step-up-challenge-success', async (event) => {
    const transfer = confirming;
    confirming = undefined;
    const { ok, data } = await api('POST', `/api/transfers/${encodeURIComponent(transfer.id)}/confirm`, {
      token: event.detail.token,
    });
    notify(ok ? `Sent ${money.format(transfer.amount)} to ${transfer.recipient}.` : data.message);
    await refresh();
  });
  stepUp.addEventListener('step-up-challenge-cancel', async () => {
    if (!confirming) return;
    notify(`The transfer to ${confirming.recipient} is pending and was not sent. Confirm it from your history.`);
    confirming = undefined;
    await refresh();
  });
  stepUp.addEventListener('step-up-challenge-error', async (event) => {
    // An expired token: fetch a fresh one for the same transfer and let the user retry.
    if (event.detail.code === 'expired-token' && confirming) {
      const { ok, data } = await api('POST', `/api/transfers/${encodeURIComponent(confirming.id)}/challenge`);
      if (ok) stepUp.token = data.token;
    }
  });
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('signin-error').textContent = '';
  const { ok, data } = await api('POST', '/api/session', {
    username: $('username').value,
    password: $('password').value,
  });
  if (!ok) {
    $('signin-error').textContent = data.message ?? 'Could not sign in.';
    return;
  }
  $('password').value = '';
  notify(
    data.created ? `Welcome, ${data.username}! Your demo account has $25,000.` : `Welcome back, ${data.username}.`,
  );
  await refresh();
});

$('sign-out').addEventListener('click', async () => {
  await api('DELETE', '/api/session');
  notify('Signed out.');
  await showSignIn();
  $('username').focus();
});

$('transfer-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = $('transfer-error');
  error.textContent = '';
  const recipient = $('recipient').value;
  const amountText = $('amount').value.replace(/[$,\s]/g, '');
  const amount = amountText === '' ? NaN : Number(amountText);
  const { ok, status, data } = await api('POST', '/api/transfers', { recipient, amount });
  if (!ok) {
    error.textContent = data.message ?? 'The transfer failed.';
    if (status === 409 && data.offerEnrollment) $('security').focus();
    return;
  }
  $('transfer-form').reset();
  if (data.requiresVerification) {
    openStepUp({ id: data.id, amount, recipient: recipient.trim() }, data.token);
    await refresh();
    return;
  }
  notify(`Sent ${money.format(amount)} to ${recipient.trim()}.`);
  await refresh();
});

async function start() {
  const response = await api('GET', '/api/config');
  config = response.data;
  await customElements.whenDefined('step-up-challenge');
  setUpStepUp();
  await refresh();
}

start();
