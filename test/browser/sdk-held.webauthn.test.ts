import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { backend, uniqueUser } from './support/backend.js';
import { useCeremonyRig } from './support/ceremony-rig.js';
import { ENROLL_EVENTS, nextEvent } from './support/events.js';
import { bothElements, button, enrollThenStepUp } from './support/sdk-page.js';
import { sdkGate } from './support/sdk-gate.js';

// First paint does not wait for the SDK: its request is held open here while both elements render.
describe('the SDK, still downloading', () => {
  const rig = useCeremonyRig();
  afterEach(() => sdkGate.reset());

  it('does not hold back rendering: both elements render, axe-clean, and the click waits for the file', async () => {
    await sdkGate.reset();
    await sdkGate.hold();
    const { wrapper, enroll, stepUp } = await bothElements(rig.info);
    const userId = uniqueUser('held');
    enroll.token = (await backend.track(userId, 'enroll-passkey')).token; // intent: the download starts
    await waitUntil(async () => (await sdkGate.requests()) === 1, 'the SDK was requested');
    expect(button(enroll).textContent).to.include('Create a passkey');
    expect(button(stepUp).textContent).to.include('Confirm with passkey');
    await expect(wrapper).to.be.accessible();
    for (const el of [enroll, stepUp]) await expect(el).to.be.accessible();

    // A click while the file is on its way: working, and nothing else until it arrives.
    const ended = nextEvent(enroll, ENROLL_EVENTS.slice(1));
    button(enroll).click();
    await enroll.updateComplete;
    expect(enroll.matches(':state(working)')).to.equal(true);
    await nextFrame();
    expect(enroll.matches(':state(working)')).to.equal(true);
    await sdkGate.release();
    const event = await ended;
    expect(event.type).to.equal('passkey-enroll-success');
    expect((await backend.validate({ token: (event as CustomEvent).detail.token, userId })).isValid).to.equal(true);
  });

  it('then serves enroll and step-up from the one download', async () => {
    const { enroll, stepUp } = await bothElements(rig.info);
    expect(await enrollThenStepUp(enroll, stepUp)).to.deep.equal({ enrolled: true, verified: true });
    expect(await sdkGate.requests()).to.equal(0, 'no second request since the reset');
  });
});
