import { chromeLauncher } from '@web/test-runner-chrome';
import { passkeyTestingPlugin } from 'passkey-elements/testing/wtr';
import { createBackend } from './backend.js';

// One emulator for the run; large transfers need a step-up there, as in the Authsignal portal.
const passkeys = passkeyTestingPlugin({
  rules: { defaultState: 'ALLOW', actions: { 'high-value-transfer': 'CHALLENGE_REQUIRED' } },
});
let backend;

export default {
  files: 'test/**/*.test.js',
  nodeResolve: true,
  hostname: 'localhost', // WebAuthn refuses the rp id "localhost" on 127.0.0.1
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
    }),
  ],
  plugins: [passkeys],
  // The app's backend on the test server, against the emulator the plugin started.
  middleware: [
    async (context, next) => {
      const { baseUrl, secret, tenantId } = passkeys.emulator;
      backend ??= createBackend({ apiUrl: baseUrl, secret, tenantId });
      const route = backend[context.path];
      if (!route) return next();
      const chunks = [];
      for await (const chunk of context.req) chunks.push(chunk);
      context.body = await route(JSON.parse(Buffer.concat(chunks).toString() || '{}'));
    },
  ],
};
