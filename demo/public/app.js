// The demo bank's page. It uses passkey-elements only through its public surface: the three tags,
// their properties and their events. Every token goes to this app's own backend, which decides.

const $ = (id) => document.getElementById(id);
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

let config;
/** The signed-in account's id at Authsignal, for the step-up's `user-id`. */
let userId;

/**
 * The language and theme pickers, remembered in this browser. The language goes on the
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
  for (const element of document.querySelectorAll(
    'passkey-enroll, step-up-challenge, passkey-sign-in, passkey-manager',
  )) {
    applyLanguage(element);
  }
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
/**
 * What the step-up dialog is confirming: a pending transfer, a new password or the closure. Each
 * is the bank's own change, bound to its step-up: `confirmPath` takes the step-up's token,
 * `refreshPath` (transfers) gives a fresh one, `done` and `cancelled` say what happened.
 */
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

/** A list item's two lines: what (with `className`, if any), then its detail. */
function metaOf(what, detail, className = '') {
  const first = document.createElement('span');
  first.className = className;
  first.textContent = what;
  const second = document.createElement('span');
  second.className = 'when';
  second.textContent = detail;
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.append(first, second);
  return meta;
}

/** The one item of a list with nothing to show. */
function emptyItem(text) {
  const empty = document.createElement('li');
  empty.className = 'empty';
  empty.textContent = text;
  return empty;
}

function notify(message) {
  $('notice').textContent = message;
}

function show(signedIn) {
  $('signin').hidden = signedIn;
  $('dashboard').hidden = !signedIn;
  $('user').hidden = !signedIn;
  // The browser's passkey suggestions only while the sign-in form shows.
  $('passkey-sign-in').autofill = !signedIn;
}

async function showSignIn() {
  show(false);
  $('enroll-slot').replaceChildren();
  // Signed out: the manager forgets the list (its token URL reads the signed-in account's).
  $('manager').tokenUrl = '';
  inbox.stop();
  await setUpPasskeySignIn();
  $('passkey-sign-in').reset();
}

let passkeySignIn;

/**
 * <passkey-sign-in> loads when the sign-in form first shows (a signed-in visit never fetches it).
 * Its token goes to this app's backend, which validates it and signs in the user it names.
 */
function setUpPasskeySignIn() {
  return (passkeySignIn ??= import('/assets/passkey-sign-in.js').then(() => {
    const element = $('passkey-sign-in');
    element.tenantId = config.tenantId;
    element.baseUrl = config.baseUrl;
    element.addEventListener('passkey-sign-in-success', async (event) => {
      $('signin-error').textContent = '';
      const { ok, data } = await api('POST', '/api/session/passkey', { token: event.detail.token });
      if (!ok) {
        $('signin-error').textContent = data.message ?? 'Could not sign in.';
        element.reset();
        return;
      }
      notify(`Welcome back, ${data.username}.`);
      await refresh();
    });
  }));
}

/** Refreshes under way: the dashboard is aria-busy while its parts are rewritten (and move). */
let refreshing = 0;

async function refresh() {
  const dashboard = $('dashboard');
  refreshing++;
  dashboard.setAttribute('aria-busy', 'true');
  try {
    const { ok, data } = await api('GET', '/api/account');
    if (!ok) return showSignIn();
    show(true);
    userId = data.userId;
    $('user-name').textContent = data.username;
    $('balance').textContent = money.format(data.balance);
    renderHistory(data.transfers);
    if (config.devInbox) inbox.start();
    const manager = $('manager');
    // The step-up inside the manager checks this device for the user's passkeys, and the browser's
    // passkey list follows the bank's (the Signal API).
    // A new token URL (at sign-in) makes the manager read its list; after a change it has read it itself.
    Object.assign(manager, { userId, username: data.username, tokenUrl: '/api/security/token' });
    await Promise.all([refreshAuthenticators(), refreshActivity()]);
    ensureEnroll(data.username);
  } finally {
    if (--refreshing === 0) dashboard.removeAttribute('aria-busy');
  }
}

function renderHistory(transfers) {
  const list = $('history');
  if (transfers.length === 0) {
    list.replaceChildren(emptyItem('No transfers yet.'));
    return;
  }
  list.replaceChildren(
    ...transfers.map((t) => {
      const item = document.createElement('li');
      item.dataset.status = t.status;
      const amount = document.createElement('span');
      amount.className = 'amount';
      amount.textContent = `−${money.format(t.amount)}`;
      const status = document.createElement('span');
      status.className = `badge ${t.status}`;
      status.textContent = t.status === 'executed' ? 'Sent' : 'Pending';
      item.append(metaOf(t.recipient, when.format(new Date(t.executedAt ?? t.createdAt)), 'who'), amount, status);
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

/** The step-up dialog for one of the bank's changes, with the methods its `track()` allowed. */
function openStepUp(change, { token, methods, reason }) {
  confirming = change;
  const stepUp = $('step-up');
  // Why it asks, in the words of the rule that decided ("New recipient"), then what it confirms.
  $('step-up-description').textContent = `${reason ? `${reason}. ` : ''}${change.describe}`;
  stepUp.userId = userId;
  stepUp.methods = methods;
  stepUp.token = token;
  stepUp.open = true;
}

/** The step-up of one pending transfer (a passkey first; a code where this device has no passkey of the user's). */
function confirmTransfer(transfer, stepUp) {
  const path = `/api/transfers/${encodeURIComponent(transfer.id)}`;
  openStepUp(
    {
      describe: `Confirm the transfer of ${money.format(transfer.amount)} to ${transfer.recipient}.`,
      confirmPath: `${path}/confirm`,
      refreshPath: `${path}/challenge`,
      done: (ok, data) => notify(ok ? `Sent ${money.format(transfer.amount)} to ${transfer.recipient}.` : data.message),
      cancelled: () =>
        notify(`The transfer to ${transfer.recipient} is pending and was not sent. Confirm it from your history.`),
    },
    stepUp,
  );
}

async function reconfirm(transfer) {
  const { ok, data } = await api('POST', `/api/transfers/${encodeURIComponent(transfer.id)}/challenge`);
  if (!ok) return notify(data.message);
  confirmTransfer(transfer, data);
}

/**
 * The keys to the account, guarded like the money: every change to the ways to confirm is a change
 * the bank starts (`POST /api/security/changes`) and completes (`POST /api/security/changes/{id}`)
 * after validating its step-up, bound to it and used once. Only an account with no way to confirm
 * yet adds its first without one; its token is then the change's own.
 */
let authenticatorCount = 0;

/** <passkey-enroll> for the account's first way to confirm only: its token-url refuses the others. */
function ensureEnroll(username) {
  const slot = $('enroll-slot');
  if (authenticatorCount > 0) return void slot.replaceChildren();
  if (slot.querySelector('passkey-enroll')) return;
  const enroll = document.createElement('passkey-enroll');
  enroll.tenantId = config.tenantId;
  enroll.baseUrl = config.baseUrl;
  enroll.username = username;
  enroll.tokenUrl = '/api/passkey/enroll';
  applyLanguage(enroll);
  enroll.addEventListener('passkey-enroll-success', async (event) => {
    const { ok } = await api('POST', '/api/passkey/validate', {
      token: event.detail.token,
      userAuthenticatorId: event.detail.userAuthenticatorId,
    });
    notify(ok ? 'Passkey added. Large transfers now ask for it.' : 'The passkey could not be confirmed by the bank.');
    // Added outside the manager: its list reads again.
    await Promise.all([refresh(), $('manager').refresh()]);
  });
  slot.replaceChildren(enroll);
}

const names = {
  PASSKEY: 'Passkey',
  EMAIL_OTP: 'Email codes',
  SMS: 'Text-message codes',
  AUTHENTICATOR_APP: 'Authenticator app',
};

/** What a change's notice calls each method. */
const noticeNames = {
  PASSKEY: 'Passkey',
  EMAIL_OTP: 'Email address',
  SMS: 'Phone',
  AUTHENTICATOR_APP: 'Authenticator app',
};

/**
 * <passkey-manager> lists the ways to confirm and makes every change behind a step-up: it starts
 * each change at this bank (`POST /api/security/changes`), runs the step-up, and hands the token to
 * the bank (`POST /api/security/changes/{id}`), which validates it, bound to that change, once.
 */
function setUpManager() {
  const manager = $('manager');
  manager.tenantId = config.tenantId;
  manager.baseUrl = config.baseUrl;
  applyLanguage(manager);
  manager.addEventListener('passkey-manager-change', async (event) => {
    const { kind, method } = event.detail;
    notify(`${noticeNames[method]} ${kind}.`);
    await refresh();
  });
}

/** How many ways to confirm the account has: with none, the page offers its first passkey. */
async function refreshAuthenticators() {
  const { ok, data } = await api('GET', '/api/authenticators');
  authenticatorCount = ok ? data.length : 0;
}

/** The account's security activity, newest first. */
async function refreshActivity() {
  const { ok, data } = await api('GET', '/api/security/activity');
  const list = $('activity');
  if (!ok || data.length === 0) {
    list.replaceChildren(emptyItem(ok ? 'No changes yet.' : 'Could not load it.'));
    return;
  }
  list.replaceChildren(
    ...data.map((event) => {
      const item = document.createElement('li');
      const what = `${event.kind === 'added' ? 'Added' : 'Removed'} ${names[event.method].toLowerCase()}: ${event.label}`;
      const confirmed = event.confirmedBy
        ? `confirmed with ${names[event.confirmedBy].toLowerCase()}`
        : 'the first way to confirm';
      item.append(metaOf(what, `${when.format(new Date(event.at))}, ${browserName(event.userAgent)}, ${confirmed}`));
      return item;
    }),
  );
}

/** A short name for the browser a User-Agent string names (display only: nothing is decided by it). */
function browserName(userAgent) {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'another browser';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

/**
 * The Dev inbox (development only: the embedded emulator): the latest codes "sent" for this
 * account's own actions, refreshed every two seconds while signed in.
 */
const inbox = {
  timer: undefined,
  start() {
    $('dev-inbox').hidden = false;
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.refresh(), 2000);
      this.refresh();
    }
  },
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    $('dev-inbox').hidden = true;
    $('inbox').replaceChildren();
  },
  async refresh() {
    const { ok, data } = await api('GET', '/api/dev/inbox');
    if (!ok || this.timer === undefined) return;
    if (data.length === 0) {
      $('inbox').replaceChildren(emptyItem('No codes yet.'));
      return;
    }
    $('inbox').replaceChildren(
      ...data.map((message) => {
        const item = document.createElement('li');
        const code = document.createElement('span');
        code.className = 'code';
        code.textContent = message.code;
        const detail = document.createElement('span');
        detail.className = 'when';
        detail.textContent = ` ${message.channel === 'SMS' ? 'Text' : 'Email'} to ${message.to}, ${when.format(new Date(message.sentAt))}`;
        item.append(code, detail);
        return item;
      }),
    );
  },
};

function setUpStepUp() {
  const stepUp = $('step-up');
  stepUp.tenantId = config.tenantId;
  stepUp.baseUrl = config.baseUrl;
  stepUp.addEventListener('step-up-challenge-success', async (event) => {
    const change = confirming;
    confirming = undefined;
    const { ok, data } = await api('POST', change.confirmPath, { token: event.detail.token });
    // The balance and history first, then the notice: what it says is already on the page.
    await refresh();
    change.done(ok, data);
  });
  stepUp.addEventListener('step-up-challenge-cancel', async () => {
    if (!confirming) return;
    confirming.cancelled();
    confirming = undefined;
    await refresh();
  });
  stepUp.addEventListener('step-up-challenge-error', async (event) => {
    // An expired token: fetch a fresh one for the same transfer and let the user retry.
    if (event.detail.code === 'expired-token' && confirming?.refreshPath) {
      const { ok, data } = await api('POST', confirming.refreshPath);
      if (ok) {
        stepUp.methods = data.methods;
        stepUp.token = data.token;
      }
    }
  });
}

/**
 * A new password, or closing the account: the password first, then the step-up the bank's rules
 * ask for (bound to that change, used once). Without a way to confirm yet, the password is enough.
 */
function setUpAccountChanges() {
  const start = async (form, path, body, describe, done) => {
    const error = form.querySelector('.form-error');
    error.textContent = '';
    const { ok, status, data } = await api('POST', path, body);
    if (!ok) {
      error.textContent = data.message ?? 'That did not work.';
      return;
    }
    form.reset();
    if (status === 200) return done();
    openStepUp(
      {
        describe,
        confirmPath: `${path}/${encodeURIComponent(data.id)}`,
        done: (confirmed, result) => (confirmed ? done() : notify(result.message)),
        cancelled: () => notify('Nothing was changed.'),
      },
      data,
    );
  };
  $('password-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { currentPassword: $('current-password').value, newPassword: $('new-password').value };
    void start(event.target, '/api/account/password', body, 'Confirm your new password.', () =>
      notify('Your password is changed. Other browsers signed in to this account are signed out.'),
    );
  });
  $('close-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { password: $('close-password').value };
    void start(event.target, '/api/account/close', body, 'Confirm that you want to close your account.', async () => {
      userId = undefined;
      await showSignIn();
      notify('Your account is closed.');
    });
  });
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('signin-error').textContent = '';
  const { ok, data } = await api('POST', '/api/session', {
    username: $('username').value,
    password: $('password').value,
    email: $('email').value,
  });
  if (!ok) {
    $('signin-error').textContent = data.message ?? 'Could not sign in.';
    return;
  }
  $('password').value = '';
  notify(
    data.created
      ? `Welcome, ${data.username}! Your demo account has $25,000. Add a passkey, or confirm your email address, below.`
      : `Welcome back, ${data.username}.`,
  );
  await refresh();
});

$('sign-out').addEventListener('click', async () => {
  await api('DELETE', '/api/session');
  userId = undefined;
  notify('Signed out.');
  await showSignIn();
  $('username').focus();
});

$('sign-out-everywhere').addEventListener('click', async () => {
  const { ok, data } = await api('DELETE', '/api/sessions');
  if (!ok && data.error !== 'not_signed_in') {
    notify(data.message ?? 'Could not sign out everywhere. Try again.');
    return;
  }
  userId = undefined;
  notify('Signed out everywhere: every browser signed in to this account must sign in again.');
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
    confirmTransfer({ id: data.id, amount, recipient: recipient.trim() }, data);
    await refresh();
    return;
  }
  await refresh();
  notify(`Sent ${money.format(amount)} to ${recipient.trim()}.`);
});

async function start() {
  const response = await api('GET', '/api/config');
  config = response.data;
  await customElements.whenDefined('step-up-challenge');
  setUpStepUp();
  setUpAccountChanges();
  await customElements.whenDefined('passkey-manager');
  setUpManager();
  await refresh();
}

start();
