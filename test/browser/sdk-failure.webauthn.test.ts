import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { backend, uniqueUser } from './support/backend.js';
import { useCeremonyRig } from './support/ceremony-rig.js';
import { ENROLL_EVENTS, nextEvent } from './support/events.js';
import { bothElements, button } from './support/sdk-page.js';
import { sdkGate } from './support/sdk-gate.js';

// A failed download of the SDK is an error like a failed request, and is not kept: the next
// click downloads again.
describe('the SDK, when its file cannot be fetched', () => {
  const rig = useCeremonyRig();
  afterEach(() => sdkGate.reset());

  it('ends in the network error, and the next click downloads it again and succeeds', async () => {
    await sdkGate.reset();
    await sdkGate.failNext(1);
    const { enroll } = await bothElements(rig.info);
    const userId = uniqueUser('offline-sdk');
    const { token } = await backend.track(userId, 'enroll-passkey');
    // The token starts the download and the click joins it (the same task): one request, and it fails.
    enroll.token = token;
    button(enroll).click();
    const failed = await nextEvent<CustomEvent<{ code: string; message: string }>>(enroll, ENROLL_EVENTS.slice(1));
    expect(failed.type).to.equal('passkey-enroll-error');
    expect(failed.detail.code).to.equal('network');
    expect(failed.detail.message).to.equal(
      enroll.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim(),
      'the usual message, shown and sent',
    );
    expect(await sdkGate.requests()).to.equal(1);

    // Not kept: the next click downloads again (a new address, since Chromium keeps the failure).
    button(enroll).click();
    const retried = await nextEvent<CustomEvent<{ token: string }>>(enroll, ENROLL_EVENTS.slice(1));
    expect(retried.type).to.equal('passkey-enroll-success');
    expect(await sdkGate.requests()).to.equal(2);
    expect((await backend.validate({ token: retried.detail.token, userId })).isValid).to.equal(true);
  });
});
