import { expect, waitUntil } from '@open-wc/testing';
import { addVirtualAuthenticator, emulator, removeVirtualAuthenticators } from 'passkey-elements/testing';
import { startApp } from '../app.js';

describe('a large transfer', () => {
  const shadow = (tag, selector) => document.querySelector(tag).shadowRoot.querySelector(selector);
  const status = () => document.querySelector('#status').textContent;

  before(async () => {
    // The real page, and the elements pointed at the emulator.
    const page = new DOMParser().parseFromString(await (await fetch('/index.html')).text(), 'text/html');
    document.body.innerHTML = page.body.innerHTML;
    startApp(await emulator.config());
  });
  afterEach(() => removeVirtualAuthenticators());

  it('is sent after the customer adds a passkey and confirms with it', async () => {
    await addVirtualAuthenticator();
    await waitUntil(() => shadow('passkey-enroll', 'button'));
    shadow('passkey-enroll', 'button').click();
    await waitUntil(() => status() === 'Passkey added.', 'enrolled');

    document.querySelector('#amount').value = '7500';
    document.querySelector('#transfer').requestSubmit();
    await waitUntil(() => shadow('step-up-challenge', 'dialog')?.open, 'the step-up dialog');
    shadow('step-up-challenge', '[part="button"]').click();
    await waitUntil(() => status() === 'Sent after confirmation.', 'validated by the backend');
    expect(document.querySelector('step-up-challenge').open).to.equal(false);
  });
});
