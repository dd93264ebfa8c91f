import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { LogicEngine } from 'json-logic-engine';
import { VERIFICATION_METHODS, type VerificationMethod } from './model.js';

/** What a rule (or an action's default) decides: Authsignal's four outcomes. */
export const RULE_TYPES = ['ALLOW', 'CHALLENGE', 'REVIEW', 'BLOCK'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

/**
 * One rule of an action, in the shape of Authsignal's management API (`POST
 * /management/action_configurations/{action_code}/rules`) and its Terraform `authsignal_rule`.
 */
export interface Rule {
  /** Authsignal gives each rule a UUID; here, unless the file names one, a stable one from the action and name. */
  ruleId?: string;
  name: string;
  description?: string;
  /** 0 is applied first. */
  priority: number;
  isActive: boolean;
  type: RuleType;
  /** JsonLogic, evaluated against the facts of the tracked action (see `RuleFacts`). */
  conditions: unknown;
  /** The methods a CHALLENGE permits (∩ what the user has); default: the action's. */
  verificationMethods?: VerificationMethod[];
  defaultVerificationMethod?: VerificationMethod;
  promptToEnrollVerificationMethods?: VerificationMethod[];
}

/** An action code's configuration, as Authsignal's `action_configurations` have it. */
export interface ActionConfiguration {
  /** The outcome when no active rule's conditions hold. */
  defaultUserActionResult: RuleType;
  verificationMethods?: VerificationMethod[];
  defaultVerificationMethod?: VerificationMethod;
  promptToEnrollVerificationMethods?: VerificationMethod[];
  rules?: Rule[];
}

/**
 * What the emulator cannot know offline about an IP address (Authsignal looks these up): set per
 * address, so that a rule on `ip.isAnonymous` or `ip.countryCode` can be tested.
 */
export interface IpAddressFacts {
  isAnonymous?: boolean;
  countryCode?: string;
  [fact: string]: unknown;
}

/** The rules file (`--rules`), and `rules` of `startEmulator()` / `setRules()`. */
export interface ActionRules {
  actions?: Record<string, ActionConfiguration>;
  /** Named lists a condition reads as `{ "var": "valueLists.<alias>" }`. */
  valueLists?: Record<string, string[] | number[]>;
  ipAddresses?: Record<string, IpAddressFacts>;
  /** The outcome of an action code that has no configuration (an emulator setting; Authsignal: ALLOW). */
  defaultUserActionResult?: RuleType;
}

/**
 * The form the emulator took before rules (`{"defaultState": "ALLOW", "actions": {"code": "CHALLENGE_REQUIRED"
 * | {"state": …, "methods": […]}}}`): still accepted, read as configurations without rules.
 */
export interface ShortActionRules {
  defaultState?: 'ALLOW' | 'BLOCK' | 'CHALLENGE_REQUIRED' | 'REVIEW_REQUIRED';
  actions?: Record<
    string,
    ShortActionRules['defaultState'] | { state: ShortActionRules['defaultState']; methods?: VerificationMethod[] }
  >;
}

/** A rule ready to run: its conditions compiled once, when the rules are loaded. */
export interface CompiledRule extends Rule {
  ruleId: string;
  matches: (facts: object) => unknown;
}

export interface CompiledAction extends Omit<ActionConfiguration, 'rules'> {
  rules: CompiledRule[];
}

export interface CompiledRules {
  actions: Map<string, CompiledAction>;
  valueLists: Record<string, string[] | number[]>;
  ipAddresses: Map<string, IpAddressFacts>;
  defaultUserActionResult: RuleType;
}

const NEW_FORM_EXAMPLE = `{
  "actions": {
    "high-value-transfer": {
      "defaultUserActionResult": "ALLOW",
      "verificationMethods": ["PASSKEY", "EMAIL_OTP"],
      "rules": [
        { "name": "Large amount", "priority": 0, "isActive": true, "type": "CHALLENGE",
          "conditions": { ">": [{ "var": "custom.amount" }, 5000] } }
      ]
    }
  },
  "valueLists": { "trusted-recipients": ["Bob"] }
}`;

class RulesError extends Error {
  constructor(where: string, message: string) {
    super(`${where} ${message}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const STATE_TO_TYPE: Record<string, RuleType> = {
  ALLOW: 'ALLOW',
  BLOCK: 'BLOCK',
  CHALLENGE_REQUIRED: 'CHALLENGE',
  REVIEW_REQUIRED: 'REVIEW',
};

function checkType(value: unknown, where: string): RuleType {
  if (typeof value !== 'string' || !(RULE_TYPES as readonly string[]).includes(value)) {
    throw new RulesError(where, `must be one of ${RULE_TYPES.join(', ')}; got ${JSON.stringify(value)}.`);
  }
  return value as RuleType;
}

function checkMethods(value: unknown, where: string): VerificationMethod[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((m) => (VERIFICATION_METHODS as readonly unknown[]).includes(m))
  ) {
    throw new RulesError(
      where,
      `must be a non-empty list of ${VERIFICATION_METHODS.join(', ')} (the methods the emulator speaks); got ${JSON.stringify(value)}.`,
    );
  }
  return value as VerificationMethod[];
}

function checkMethod(value: unknown, where: string): VerificationMethod | undefined {
  if (value === undefined) return undefined;
  if (!(VERIFICATION_METHODS as readonly unknown[]).includes(value)) {
    throw new RulesError(where, `must be one of ${VERIFICATION_METHODS.join(', ')}; got ${JSON.stringify(value)}.`);
  }
  return value as VerificationMethod;
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new RulesError(where, `has an unknown key "${key}"; expected some of ${allowed.join(', ')}.`);
    }
  }
}

/** A UUID-shaped id that stays the same for the same action and rule name, run after run. */
function stableRuleId(actionCode: string, name: string): string {
  const hex = createHash('sha256').update(`${actionCode}\0${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const RULE_KEYS = [
  'ruleId',
  'name',
  'description',
  'priority',
  'isActive',
  'type',
  'conditions',
  'verificationMethods',
  'defaultVerificationMethod',
  'promptToEnrollVerificationMethods',
] as const;
const ACTION_KEYS = [
  'defaultUserActionResult',
  'verificationMethods',
  'defaultVerificationMethod',
  'promptToEnrollVerificationMethods',
  'rules',
] as const;

/**
 * A JsonLogic engine with its standard operators only. `throw` and `try` go: a condition either
 * holds or it does not, it never ends a track with an exception of its own making.
 */
function createLogicEngine(): LogicEngine {
  const engine = new LogicEngine();
  for (const method of ['throw', 'try']) delete (engine.methods as Record<string, unknown>)[method];
  return engine;
}

function compileConditions(engine: LogicEngine, conditions: unknown, where: string): (facts: object) => unknown {
  if (conditions === undefined) throw new RulesError(where, 'is missing: a rule needs JsonLogic conditions.');
  try {
    return engine.build(conditions as Parameters<LogicEngine['build']>[0]) as (facts: object) => unknown;
  } catch (error) {
    // json-logic-engine throws plain objects such as { type: 'Unknown Operator', key: 'foo' }.
    const detail = isObject(error)
      ? [error.type, error.key === undefined ? '' : `"${String(error.key)}"`].filter(Boolean).join(' ')
      : (error as Error).message;
    throw new RulesError(where, `is not valid JsonLogic (${detail || 'rejected'}): ${JSON.stringify(conditions)}.`);
  }
}

/** The method fields a rule and an action share, checked; only those given. */
function methodFields(
  raw: Record<string, unknown>,
  where: string,
): Pick<Rule, 'verificationMethods' | 'defaultVerificationMethod' | 'promptToEnrollVerificationMethods'> {
  const methods = checkMethods(raw.verificationMethods, `${where}.verificationMethods`);
  const defaultMethod = checkMethod(raw.defaultVerificationMethod, `${where}.defaultVerificationMethod`);
  const prompt = checkMethods(raw.promptToEnrollVerificationMethods, `${where}.promptToEnrollVerificationMethods`);
  return {
    ...(methods ? { verificationMethods: methods } : {}),
    ...(defaultMethod ? { defaultVerificationMethod: defaultMethod } : {}),
    ...(prompt ? { promptToEnrollVerificationMethods: prompt } : {}),
  };
}

function compileRule(engine: LogicEngine, actionCode: string, raw: unknown, where: string): CompiledRule {
  if (!isObject(raw)) throw new RulesError(where, 'must be an object with name, priority, isActive, type, conditions.');
  if (typeof raw.name !== 'string' || raw.name.trim() === '') {
    throw new RulesError(`${where}.name`, 'must be a non-empty string.');
  }
  const named = `${where} ("${raw.name}")`;
  checkKeys(raw, RULE_KEYS, named);
  if (!Number.isInteger(raw.priority) || (raw.priority as number) < 0 || (raw.priority as number) > 99) {
    throw new RulesError(
      `${named}.priority`,
      `must be a whole number 0–99 (0 first); got ${JSON.stringify(raw.priority)}.`,
    );
  }
  if (typeof raw.isActive !== 'boolean') {
    throw new RulesError(`${named}.isActive`, `must be true or false; got ${JSON.stringify(raw.isActive)}.`);
  }
  if (raw.description !== undefined && typeof raw.description !== 'string') {
    throw new RulesError(`${named}.description`, 'must be a string.');
  }
  if (raw.ruleId !== undefined && (typeof raw.ruleId !== 'string' || raw.ruleId === '')) {
    throw new RulesError(`${named}.ruleId`, 'must be a non-empty string.');
  }
  const rule: CompiledRule = {
    ruleId: (raw.ruleId as string | undefined) ?? stableRuleId(actionCode, raw.name),
    name: raw.name,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    priority: raw.priority as number,
    isActive: raw.isActive,
    type: checkType(raw.type, `${named}.type`),
    conditions: raw.conditions,
    matches: compileConditions(engine, raw.conditions, `${named}.conditions`),
  };
  return Object.assign(rule, methodFields(raw, named));
}

function compileAction(engine: LogicEngine, actionCode: string, raw: unknown, where: string): CompiledAction {
  if (!isObject(raw)) {
    throw new RulesError(
      where,
      `must be an action configuration such as {"defaultUserActionResult": "ALLOW", "rules": []}.`,
    );
  }
  checkKeys(raw, ACTION_KEYS, where);
  if (raw.rules !== undefined && !Array.isArray(raw.rules)) throw new RulesError(`${where}.rules`, 'must be a list.');
  const rules = ((raw.rules ?? []) as unknown[]).map((rule, i) =>
    compileRule(engine, actionCode, rule, `${where}.rules[${i}]`),
  );
  const names = new Set<string>();
  for (const rule of rules) {
    if (names.has(rule.name)) throw new RulesError(`${where}.rules`, `has two rules named "${rule.name}".`);
    names.add(rule.name);
  }
  const action: CompiledAction = {
    defaultUserActionResult: checkType(raw.defaultUserActionResult, `${where}.defaultUserActionResult`),
    // Stable: rules of equal priority keep the file's order.
    rules: rules.sort((a, b) => a.priority - b.priority),
  };
  return Object.assign(action, methodFields(raw, where));
}

/** The short form, read as configurations without rules; anything else in it is refused with the new form shown. */
function fromShortForm(raw: Record<string, unknown>, source: string): ActionRules {
  const bad = (message: string) =>
    new RulesError(
      source,
      `${message} The short form is {"defaultState": STATE, "actions": {"code": STATE | {"state": STATE, "methods": [...]}}}; the full form:\n${NEW_FORM_EXAMPLE}`,
    );
  checkKeys(raw, ['defaultState', 'actions'], source);
  const typeOf = (state: unknown, where: string): RuleType => {
    const type = typeof state === 'string' && Object.hasOwn(STATE_TO_TYPE, state) ? STATE_TO_TYPE[state] : undefined;
    if (!type)
      throw bad(`${where} must be one of ${Object.keys(STATE_TO_TYPE).join(', ')}; got ${JSON.stringify(state)}.`);
    return type;
  };
  const actions: Record<string, ActionConfiguration> = {};
  if (raw.actions !== undefined && !isObject(raw.actions)) throw bad('"actions" must be an object.');
  for (const [code, value] of Object.entries((raw.actions ?? {}) as Record<string, unknown>)) {
    const where = `actions["${code}"]`;
    if (isObject(value)) {
      checkKeys(value, ['state', 'methods'], `${source}.${where}`);
      const methods = checkMethods(value.methods, `${source}.${where}.methods`);
      actions[code] = {
        defaultUserActionResult: typeOf(value.state, `${where}.state`),
        ...(methods ? { verificationMethods: methods } : {}),
      };
    } else {
      actions[code] = { defaultUserActionResult: typeOf(value, where) };
    }
  }
  return {
    actions,
    ...(raw.defaultState !== undefined ? { defaultUserActionResult: typeOf(raw.defaultState, 'defaultState') } : {}),
  };
}

function normalize(input: unknown, source: string): ActionRules {
  if (!isObject(input)) throw new RulesError(source, `must be a JSON object like:\n${NEW_FORM_EXAMPLE}`);
  return isShortForm(input) ? fromShortForm(input, source) : (input as ActionRules);
}

/** Checks rules as `compileRules` does, and answers them in the full form (the short form converted). */
export function parseRules(input: unknown, source = 'rules'): ActionRules {
  compileRules(input, source);
  return normalize(input, source);
}

const isShortForm = (raw: Record<string, unknown>): boolean =>
  raw.defaultState !== undefined ||
  (isObject(raw.actions) &&
    Object.values(raw.actions).some((a) => typeof a === 'string' || (isObject(a) && 'state' in a)));

/**
 * Validates and compiles rules (from a file or from code). Throws a message that names the file,
 * the action, the rule and the bad part: the emulator refuses to start with rules it cannot apply.
 */
export function compileRules(input: unknown, source = 'rules'): CompiledRules {
  const raw = normalize(input, source) as Record<string, unknown>;
  checkKeys(raw, ['actions', 'valueLists', 'ipAddresses', 'defaultUserActionResult'], source);
  const engine = createLogicEngine();
  if (raw.actions !== undefined && !isObject(raw.actions)) {
    throw new RulesError(`${source}.actions`, `must be an object of action code → configuration:\n${NEW_FORM_EXAMPLE}`);
  }
  const actions = new Map<string, CompiledAction>();
  for (const [code, config] of Object.entries((raw.actions ?? {}) as Record<string, unknown>)) {
    actions.set(code, compileAction(engine, code, config, `${source}.actions["${code}"]`));
  }
  if (raw.valueLists !== undefined && !isObject(raw.valueLists)) {
    throw new RulesError(`${source}.valueLists`, 'must be an object of alias → list of strings or of numbers.');
  }
  const valueLists: Record<string, string[] | number[]> = Object.create(null) as Record<string, string[] | number[]>;
  for (const [alias, items] of Object.entries((raw.valueLists ?? {}) as Record<string, unknown>)) {
    const where = `${source}.valueLists["${alias}"]`;
    if (!Array.isArray(items)) throw new RulesError(where, 'must be a list of strings or a list of numbers.');
    const kind = typeof items[0];
    if (
      !items.every(
        (item) => typeof item === kind && (kind === 'string' || (kind === 'number' && Number.isFinite(item))),
      )
    ) {
      throw new RulesError(where, 'must hold strings only or numbers only, as Authsignal lists do.');
    }
    valueLists[alias] = items as string[] | number[];
  }
  if (raw.ipAddresses !== undefined && !isObject(raw.ipAddresses)) {
    throw new RulesError(
      `${source}.ipAddresses`,
      'must be an object of address → facts, e.g. {"203.0.113.7": {"isAnonymous": true}}.',
    );
  }
  const ipAddresses = new Map<string, IpAddressFacts>();
  for (const [address, facts] of Object.entries((raw.ipAddresses ?? {}) as Record<string, unknown>)) {
    const where = `${source}.ipAddresses["${address}"]`;
    if (!isObject(facts))
      throw new RulesError(where, 'must be an object of facts such as {"isAnonymous": true, "countryCode": "NZ"}.');
    if (facts.isAnonymous !== undefined && typeof facts.isAnonymous !== 'boolean') {
      throw new RulesError(`${where}.isAnonymous`, 'must be true or false.');
    }
    if (
      facts.countryCode !== undefined &&
      (typeof facts.countryCode !== 'string' || !/^[A-Z]{2}$/.test(facts.countryCode))
    ) {
      throw new RulesError(
        `${where}.countryCode`,
        `must be an ISO 3166 alpha-2 code such as "NZ"; got ${JSON.stringify(facts.countryCode)}.`,
      );
    }
    ipAddresses.set(address, facts as IpAddressFacts);
  }
  return {
    actions,
    valueLists,
    ipAddresses,
    defaultUserActionResult:
      raw.defaultUserActionResult === undefined
        ? 'ALLOW'
        : checkType(raw.defaultUserActionResult, `${source}.defaultUserActionResult`),
  };
}

/** Reads and checks a rules file (the `--rules` of the CLI); answers its rules in the full form. */
export function loadRulesFile(file: string): ActionRules {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read rules file ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Rules file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseRules(parsed, file);
}
