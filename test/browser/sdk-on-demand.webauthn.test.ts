import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import { useCeremonyRig } from './support/ceremony-rig.js';
import { bothElements, button, enrollThenStepUp, sdkResources } from './support/sdk-page.js';
import { sdkGate } from './support/sdk-gate.js';

// The SDK's file is fetched on intent, once per page. Order matters in this file: each test
// builds on what the page has (or has not) loaded so far, and a page loads a module once.

const hover = async (el: Element) => {
  const box = el.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
};

describe('the SDK, loaded on intent', () => {
  const rig = useCeremonyRig();
  before(() => sdkGate.reset());
  afterEach(() => resetMouse());

  it('is never fetched where passkeys cannot work: hovered, focused, given a token, clicked', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true });
    try {
      const { enroll, stepUp } = await bothElements(rig.info);
      await hover(enroll);
      await hover(stepUp);
      enroll.token = 'a.track.token';
      stepUp.token = 'a.track.token';
      enroll.focus();
      await Promise.all([enroll.updateComplete, stepUp.updateComplete]);
      for (const el of [enroll, stepUp]) expect(el.matches(':state(unsupported)')).to.equal(true);
      await nextFrame();
      expect(await sdkGate.requests()).to.equal(0);
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', original);
    }
  });

  it('is not fetched by a page with both elements that nobody touches', async () => {
    const { enroll, stepUp } = await bothElements(rig.info);
    expect(button(enroll).textContent).to.include('Create a passkey');
    expect(button(stepUp).textContent).to.include('Confirm with passkey');
    await nextFrame();
    await nextFrame();
    expect(await sdkGate.requests()).to.equal(0);
    expect(sdkResources()).to.have.length(0);
  });

  it('is fetched once on a hover over either element, shared by both, and both ceremonies use it', async () => {
    const { enroll, stepUp } = await bothElements(rig.info);
    await hover(enroll);
    await waitUntil(async () => (await sdkGate.requests()) === 1, 'a hover starts the download');
    await waitUntil(() => sdkResources().length === 1, 'the page received the file');
    await hover(stepUp);
    stepUp.focus();
    await nextFrame();
    const result = await enrollThenStepUp(enroll, stepUp);
    expect(result).to.deep.equal({ enrolled: true, verified: true });
    expect(await sdkGate.requests()).to.equal(1, 'one request for the whole page');
    expect(sdkResources()).to.have.length(1);
  });
});
