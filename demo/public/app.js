// The demo bank's page. It uses passkey-elements only through its public surface: the three tags,
// their properties and their events. Every token goes to this app's own backend, which decides.

const $ = (id) => document.getElementById(id);
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

let config;
/** The signed-in account's id at Authsignal, for the step-up's `user-id`. */
let userId;

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
  for (const element of document.querySelectorAll('passkey-enroll, step-up-challenge, passkey-sign-in')) {
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

async function refresh() {
  const { ok, data } = await api('GET', '/api/account');
  if (!ok) return showSignIn();
  show(true);
  userId = data.userId;
  $('user-name').textContent = data.username;
  $('balance').textContent = money.format(data.balance);
  renderHistory(data.transfers);
  if (data.email && !$('new-email').value) $('new-email').value = data.email;
  if (config.devInbox) inbox.start();
  await Promise.all([refreshAuthenticators(), refreshActivity()]);
  ensureEnroll(data.username);
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

/**
 * The step-up dialog for one pending transfer, with the methods the bank's `track()` allowed (a
 * passkey first; a code where this device has no passkey of the user's).
 */
function openStepUp(transfer, { token, methods }) {
  confirming = transfer;
  const stepUp = $('step-up');
  $('step-up-description').textContent =
    `Confirm the transfer of ${money.format(transfer.amount)} to ${transfer.recipient}.`;
  stepUp.userId = userId;
  stepUp.methods = methods;
  stepUp.token = token;
  stepUp.open = true;
}

async function reconfirm(transfer) {
  const { ok, data } = await api('POST', `/api/transfers/${encodeURIComponent(transfer.id)}/challenge`);
  if (!ok) return notify(data.message);
  openStepUp(transfer, data);
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
  $('add-passkey').hidden = authenticatorCount === 0;
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
    await refresh();
  });
  slot.replaceChildren(enroll);
}

/** What the step-up for a change says it confirms. */
const changeText = {
  PASSKEY: 'a new passkey',
  EMAIL_OTP: 'a new email address',
  SMS: 'a new phone',
  AUTHENTICATOR_APP: 'a new authenticator app',
};

/** Settles the open change step-up: with its token, or undefined when the person cancelled. */
let settleChange;

/**
 * Starts a change; where the account already has a way to confirm, asks for it first (the
 * change's own step-up). Answers `{ id, token }`, the token that may make the change, or undefined.
 */
async function startChange(body, description) {
  methodsError('');
  const { ok, data } = await api('POST', '/api/security/changes', body);
  if (!ok) return void methodsError(data.message);
  if (!data.stepUp) return { id: data.id, token: data.token };
  const stepUp = $('change-step-up');
  $('change-step-up-description').textContent = description;
  stepUp.userId = userId;
  stepUp.methods = data.methods;
  stepUp.token = data.token;
  stepUp.open = true;
  const token = await new Promise((resolve) => (settleChange = resolve));
  return token ? { id: data.id, token } : undefined;
}

function setUpChangeStepUp() {
  const stepUp = $('change-step-up');
  stepUp.tenantId = config.tenantId;
  stepUp.baseUrl = config.baseUrl;
  const settle = (token) => {
    settleChange?.(token);
    settleChange = undefined;
  };
  stepUp.addEventListener('step-up-challenge-success', (event) => settle(event.detail.token));
  stepUp.addEventListener('step-up-challenge-cancel', () => {
    if (settleChange) methodsError('Nothing was changed.');
    settle(undefined);
  });
}

/** Completes a change at the bank with the token that made it (and the authenticator it added). */
async function completeChange(id, token, userAuthenticatorId) {
  const { ok, data } = await api('POST', `/api/security/changes/${encodeURIComponent(id)}`, {
    token,
    ...(userAuthenticatorId ? { userAuthenticatorId } : {}),
  });
  if (!ok) methodsError(data.message ?? 'The bank could not confirm the change.');
  await refresh();
  return ok;
}

async function removeAuthenticator(authenticator) {
  if (!window.confirm(`Remove ${authenticator.label}? It will no longer confirm transfers.`)) return;
  const change = await startChange(
    { change: 'remove', authenticatorId: authenticator.id },
    `Confirm it is you to remove ${authenticator.label}.`,
  );
  if (change && (await completeChange(change.id, change.token))) notify(`${authenticator.label} removed.`);
}

const names = {
  PASSKEY: 'Passkey',
  EMAIL_OTP: 'Email codes',
  SMS: 'Text-message codes',
  AUTHENTICATOR_APP: 'Authenticator app',
};

/** Every way to confirm: passkeys first, then the email addresses, phones and apps, each removable. */
async function refreshAuthenticators() {
  const { ok, data } = await api('GET', '/api/authenticators');
  authenticatorCount = ok ? data.length : 0;
  for (const [id, passkeys] of [
    ['passkeys', true],
    ['authenticators', false],
  ]) {
    const list = $(id);
    const items = ok ? data.filter((a) => (a.method === 'PASSKEY') === passkeys) : [];
    if (items.length === 0) {
      list.replaceChildren(emptyItem(!ok ? 'Could not load them.' : passkeys ? 'No passkey yet.' : 'None yet.'));
      continue;
    }
    list.replaceChildren(
      ...items.map((authenticator) => {
        const item = document.createElement('li');
        item.dataset.method = authenticator.method;
        const name = passkeys ? authenticator.label : names[authenticator.method];
        const detail =
          authenticator.method === 'PASSKEY' || authenticator.method === 'AUTHENTICATOR_APP'
            ? `Added ${when.format(new Date(authenticator.createdAt))}`
            : authenticator.label;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'secondary small';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', `Remove ${name} ${detail}`);
        remove.addEventListener('click', () => removeAuthenticator(authenticator));
        item.append(metaOf(name, detail), remove);
        return item;
      }),
    );
  }
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
 * Adding a phone, an email address, an app or a further passkey is not something the elements do
 * yet: the page uses the Authsignal browser SDK directly (loaded when first needed), with the
 * token its change's step-up answered. The person proves they hold the phone, the mailbox or the
 * app with a code.
 */
let sdk;
async function authsignal() {
  const { Authsignal } = await import('/assets/authsignal-browser.js');
  sdk ??= new Authsignal({ tenantId: config.tenantId, baseUrl: config.baseUrl });
  return sdk;
}

/** The change being made, and its token. The SDK keeps one token per page: set it before each call. */
let adding;

function methodsError(message) {
  $('methods-error').textContent = message;
}

/** Starts adding `method`: the change (and its step-up), the token set on the SDK; the SDK, or undefined. */
async function startAdding(method) {
  adding = await startChange({ change: 'add', method }, `Confirm it is you to add ${changeText[method]}.`);
  if (!adding) return undefined;
  const client = await authsignal();
  client.setToken(adding.token);
  return client;
}

/** Proves what is being added with its code (`sms`, `email` or `totp`); on success, `done` tidies up. */
async function finishAdding(kind, field, done) {
  methodsError('');
  if (!adding) return;
  const client = await authsignal();
  client.setToken(adding.token);
  const result = await client[kind].verify({ code: $(field).value.trim() }).catch(() => ({}));
  if (!result.data?.isVerified) return methodsError('That code is wrong or has expired. Please try again.');
  const change = adding;
  adding = undefined;
  if (await completeChange(change.id, result.data.token, result.data.userAuthenticator?.userAuthenticatorId)) done();
}

$('add-passkey').addEventListener('click', async () => {
  const client = await startAdding('PASSKEY');
  if (!client) return;
  const result = await client.passkey
    .signUp({ token: adding.token, username: $('user-name').textContent })
    .catch(() => ({ error: 'cancelled' }));
  if (!result.data?.token) return methodsError('The passkey was not created. Nothing was changed.');
  const change = adding;
  adding = undefined;
  if (await completeChange(change.id, result.data.token, result.data.userAuthenticator?.userAuthenticatorId)) {
    notify('Passkey added.');
  }
});

for (const [kind, method, field, sent] of [
  ['sms', 'SMS', 'phone', 'phone-code-form'],
  ['email', 'EMAIL_OTP', 'new-email', 'email-code-form'],
]) {
  $(`${field}-form`).addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = kind === 'sms' ? $(field).value.replace(/[\s()-]/g, '') : $(field).value.trim();
    const client = await startAdding(method);
    if (!client) return;
    const result = await client[kind]
      .enroll(kind === 'sms' ? { phoneNumber: value } : { email: value })
      .catch(() => ({ error: 'network' }));
    if (result.error) {
      return methodsError(kind === 'sms' ? 'We could not text that number.' : 'We could not email that address.');
    }
    $(sent).hidden = false;
    $(`${field}-code`).focus();
  });
  $(sent).addEventListener('submit', (event) => {
    event.preventDefault();
    finishAdding(kind, `${field}-code`, () => {
      $(`${field}-form`).reset();
      $(sent).reset();
      $(sent).hidden = true;
      notify(kind === 'sms' ? 'Phone added.' : 'Email address added.');
    });
  });
}

$('app-start').addEventListener('click', async () => {
  const client = await startAdding('AUTHENTICATOR_APP');
  if (!client) return;
  const enrolled = await client.totp.enroll().catch(() => ({ error: 'network' }));
  if (enrolled.error || !enrolled.data) return methodsError('The authenticator app could not be set up. Try again.');
  const { default: qrcode } = await import('/assets/qrcode.js');
  const qr = qrcode(0, 'M');
  qr.addData(enrolled.data.uri);
  qr.make();
  $('app-qr').src = qr.createDataURL(5, 4);
  // The key in groups of four, as apps show it.
  $('app-secret').textContent = enrolled.data.secret.replace(/(.{4})/g, '$1 ').trim();
  $('app-setup').hidden = false;
  $('app-code').focus();
});

$('app-code-form').addEventListener('submit', (event) => {
  event.preventDefault();
  finishAdding('totp', 'app-code', () => {
    $('app-code-form').reset();
    $('app-setup').hidden = true;
    $('app-qr').removeAttribute('src');
    $('app-secret').textContent = '';
    notify('Authenticator app added. Large transfers can now be confirmed with its code.');
  });
});

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
      if (ok) {
        stepUp.methods = data.methods;
        stepUp.token = data.token;
      }
    }
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
    openStepUp({ id: data.id, amount, recipient: recipient.trim() }, data);
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
  setUpChangeStepUp();
  await refresh();
}

start();
