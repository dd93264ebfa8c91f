import { executeServerCommand } from '@web/test-runner-commands';

/** Steers the download of the SDK's file on the test server (test/plugins/sdk-gate-plugin.ts). */
export const sdkGate = {
  reset: () => executeServerCommand('sdk:reset'),
  hold: () => executeServerCommand('sdk:hold'),
  release: () => executeServerCommand('sdk:release'),
  /** The next `count` requests for the SDK's file fail (503). */
  failNext: (count = 1) => executeServerCommand('sdk:fail-next', { count }),
  /** Requests for the SDK's file since the last reset, all paths together. */
  requests: async () =>
    Object.values((await executeServerCommand('sdk:requests')) as Record<string, number>).reduce((a, b) => a + b, 0),
};
