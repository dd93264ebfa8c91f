export {
  createEmulatorHandler,
  startEmulator,
  type EmulatorHandler,
  type RunningEmulator,
  type ServedRoute,
} from './emulator.js';
export { DEFAULTS, type EmulatorOptions, type FaultOptions } from './emulator-options.js';
export {
  loadRulesFile,
  parseRules,
  type ActionConfiguration,
  type ActionRules,
  type IpAddressFacts,
  type Rule,
  type RuleType,
  type ShortActionRules,
} from './action-rules.js';
export type { CustomValue, RuleFacts } from './rule-facts.js';
export { DEFAULT_SIGN_IN_ACTION } from './client-api.js';
export type { OutboxMessage } from './outbox.js';
export type { SessionLifetimes } from './session-api.js';
