import { expect, waitUntil } from '@open-wc/testing';
import { addVirtualAuthenticator, emulator, removeVirtualAuthenticators } from 'passkey-elements/testing';
import { startApp } from '../app.js';

// The security page: <passkey-manager> against this app's backend (backend.js) and the emulator.
describe('the security page', () => {
  const shadow = (root, selector) => root?.shadowRoot?.querySelector(selector) ?? null;
  const manager = () => document.querySelector('passkey-manager');
  const inManager = (selector) => shadow(manager(), selector);
  const stepUpButton = () => shadow(inManager('step-up-challenge'), '[part="button"]');
  const status = () => document.querySelector('#status').textContent;

  before(async () => {
    const page = new DOMParser().parseFromString(await (await fetch('/index.html')).text(), 'text/html');
    document.body.innerHTML = page.body.innerHTML;
    // A user of this test's own: the backend reads `?user=` (yours reads its session).
    const user = `?user=security-${crypto.randomUUID()}`;
    document.querySelector('passkey-enroll').tokenUrl = `/api/enroll-token${user}`;
    Object.assign(manager(), { tokenUrl: `/api/security/token${user}`, changesUrl: `/api/security/changes${user}` });
    startApp(await emulator.config());
  });
  afterEach(() => removeVirtualAuthenticators());

  it('adds an email address behind the passkey, then removes it behind the passkey too', async () => {
    await addVirtualAuthenticator();
    await waitUntil(() => shadow(document.querySelector('passkey-enroll'), 'button'));
    shadow(document.querySelector('passkey-enroll'), 'button').click();
    await waitUntil(() => manager().authenticators?.length === 1, 'the first passkey is listed');

    inManager('[part="add"][data-method="EMAIL_OTP"]').click();
    await waitUntil(stepUpButton, 'the step-up asks for the passkey');
    stepUpButton().click();
    await waitUntil(() => inManager('[part="contact"]'), 'then for the address');
    const address = `${crypto.randomUUID()}@example.com`;
    inManager('[part="contact"]').value = address;
    inManager('[part="send-code"]').click();
    await waitUntil(() => inManager('[part="code"]'), 'a code was sent');
    inManager('[part="code"]').value = (await emulator.outbox(address))[0].code;
    inManager('[part="verify"]').click();
    await waitUntil(() => status() === 'added.', 'the backend accepted the addition');
    expect(manager().authenticators.map((a) => a.method)).to.deep.equal(['PASSKEY', 'EMAIL_OTP']);

    const items = [...manager().shadowRoot.querySelectorAll('[part="item"]')];
    const email = items.findIndex((item) => item.dataset.method === 'EMAIL_OTP');
    manager().shadowRoot.querySelectorAll('[part="remove"]')[email].click();
    await waitUntil(() => inManager('[part="confirm-remove"]'), 'asks to confirm');
    inManager('[part="confirm-remove"]').click();
    await waitUntil(stepUpButton, 'the step-up asks for the passkey again');
    stepUpButton().click();
    await waitUntil(() => status() === 'removed.', 'the backend removed it');
    expect(manager().authenticators.map((a) => a.method)).to.deep.equal(['PASSKEY']);
  });
});
