import { backend, type EmulatorInfo } from './backend.js';
import { RequestRecorder } from './request-recorder.js';
import { virtualAuthenticator } from './virtual-authenticator.js';

export interface CeremonyRig {
  info: EmulatorInfo;
  /** A fresh internal virtual authenticator for each test. */
  authenticatorId: string;
  /** Records (and can hold or rewrite) what the page sends. */
  recorder: RequestRecorder;
}

/**
 * Mocha hooks for a file of real ceremonies: the emulator's address, a fresh virtual authenticator,
 * a request recorder and a clean SDK passkey map per test; all removed afterwards.
 */
export function useCeremonyRig(): CeremonyRig {
  const rig = {} as CeremonyRig;
  before(async () => {
    rig.info = await backend.info();
  });
  beforeEach(async () => {
    localStorage.clear();
    rig.authenticatorId = await virtualAuthenticator.add();
    rig.recorder = new RequestRecorder().install();
  });
  afterEach(async () => {
    rig.recorder.uninstall();
    await virtualAuthenticator.removeAll();
    await backend.resetClock();
  });
  return rig;
}
