import { chromeLauncher } from '@web/test-runner-chrome';
import { passkeyTestingPlugin } from 'passkey-elements/testing/wtr';
import { createBackend } from './backend.js';

// One emulator for the run; large transfers and changes to the ways to confirm need a step-up
// there, as in the Authsignal portal.
const passkeys = passkeyTestingPlugin({
  rules: {
    defaultState: 'ALLOW',
    actions: {
      'high-value-transfer': 'CHALLENGE_REQUIRED',
      'add-authenticator': 'CHALLENGE_REQUIRED',
      'remove-authenticator': 'CHALLENGE_REQUIRED',
    },
  },
});
// The app's backend for each user (here: a test's own `?user=`; yours takes the user from its session).
const backends = new Map();

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
      const userId = String(context.query.user ?? 'customer-1');
      if (!backends.has(userId)) backends.set(userId, createBackend({ apiUrl: baseUrl, secret, tenantId, userId }));
      const backend = backends.get(userId);
      // `/api/security/changes/{id}` is the `…/:id` route, with the id.
      const route = backend[context.path] ?? backend[context.path.replace(/\/[\w-]+$/, '/:id')];
      if (!route) return next();
      const chunks = [];
      for await (const chunk of context.req) chunks.push(chunk);
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      const { httpStatus = 200, ...answer } = await route(body, context.path.split('/').pop());
      context.status = httpStatus;
      context.body = answer;
    },
  ],
};
