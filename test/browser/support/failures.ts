import { backend, type EmulatorInfo } from './backend.js';

/** A real condition that makes a ceremony fail before the WebAuthn prompt, and the code it must give. */
export interface EarlyFailure {
  condition: string;
  code: string;
  /** Tracks `action` for the user and breaks things; returns the token and the API to use. */
  arrange(info: EmulatorInfo, userId: string, action: string): Promise<{ token: string; baseUrl: string }>;
}

export const EARLY_FAILURES: EarlyFailure[] = [
  {
    condition: 'an expired token',
    code: 'expired-token',
    async arrange(info, userId, action) {
      const { token } = await backend.track(userId, action);
      await backend.advanceClock(601);
      return { token, baseUrl: info.url };
    },
  },
  {
    condition: 'the emulator stopped',
    code: 'network',
    async arrange(_info, userId, action) {
      const { url } = await backend.startTemporary();
      const { token } = await backend.track(userId, action);
      await backend.stopTemporary(url);
      return { token, baseUrl: url };
    },
  },
  {
    condition: 'the API answering 500',
    code: 'server',
    async arrange(info, userId, action) {
      const { token } = await backend.track(userId, action);
      await backend.injectFault(userId, 500);
      return { token, baseUrl: info.url };
    },
  },
  {
    condition: 'the API answering 429',
    code: 'rate-limited',
    async arrange(info, userId, action) {
      const { token } = await backend.track(userId, action);
      // Use up this user's allowance (requests a minute) the way a busy client would.
      for (let i = 0; i < info.rateLimit; i++) {
        await fetch(`${info.url}/client/user-authenticators/passkey/authentication-options`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: '{}',
        });
      }
      return { token, baseUrl: info.url };
    },
  },
];
