import { readFileSync } from 'node:fs';
import { ACTION_STATES, VERIFICATION_METHODS, type ActionState, type VerificationMethod } from './model.js';

/**
 * The outcome `track` gives each action code, before enrollment is taken into account: a state,
 * or `{ state, methods }` where `methods` are the verification methods the action permits (in
 * order of preference; without them, every method the user has).
 */
export interface ActionRule {
  state: ActionState;
  methods?: VerificationMethod[];
}

export interface ActionRules {
  defaultState: ActionState;
  actions: Record<string, ActionState | ActionRule>;
}

/** Authsignal's default for an action without rules is to let it through. */
export const DEFAULT_RULES: ActionRules = { defaultState: 'ALLOW', actions: {} };

const TRACK_STATES: readonly ActionState[] = ['ALLOW', 'BLOCK', 'CHALLENGE_REQUIRED', 'REVIEW_REQUIRED'];

function checkState(value: unknown, where: string): ActionState {
  if (typeof value !== 'string' || !(ACTION_STATES as readonly string[]).includes(value)) {
    throw new Error(`${where} must be one of ${TRACK_STATES.join(', ')}; got ${JSON.stringify(value)}.`);
  }
  if (!TRACK_STATES.includes(value as ActionState)) {
    throw new Error(`${where} cannot be ${value}: track only yields ${TRACK_STATES.join(', ')}.`);
  }
  return value as ActionState;
}

/** Validates a rules object (from a file or from code); throws a message that names the bad key. */
export function parseRules(input: unknown, source = 'rules'): ActionRules {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error(`${source} must be a JSON object like {"defaultState":"ALLOW","actions":{}}.`);
  }
  const raw = input as { defaultState?: unknown; actions?: unknown };
  const defaultState =
    raw.defaultState === undefined
      ? DEFAULT_RULES.defaultState
      : checkState(raw.defaultState, `${source}.defaultState`);
  if (
    raw.actions !== undefined &&
    (typeof raw.actions !== 'object' || raw.actions === null || Array.isArray(raw.actions))
  ) {
    throw new Error(`${source}.actions must be an object of action code → state or { state, methods }.`);
  }
  const actions: Record<string, ActionState | ActionRule> = {};
  for (const [code, rule] of Object.entries((raw.actions ?? {}) as Record<string, unknown>)) {
    const where = `${source}.actions["${code}"]`;
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
      actions[code] = checkState(rule, where);
      continue;
    }
    const { state, methods } = rule as { state?: unknown; methods?: unknown };
    if (
      methods !== undefined &&
      (!Array.isArray(methods) ||
        methods.length === 0 ||
        !methods.every((m) => (VERIFICATION_METHODS as readonly unknown[]).includes(m)))
    ) {
      throw new Error(`${where}.methods must be a non-empty list of ${VERIFICATION_METHODS.join(', ')}.`);
    }
    actions[code] = {
      state: checkState(state, `${where}.state`),
      ...(methods ? { methods: methods as VerificationMethod[] } : {}),
    };
  }
  return { defaultState, actions };
}

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

const ruleOf = (rules: ActionRules, actionCode: string): ActionRule | undefined => {
  const rule = Object.hasOwn(rules.actions, actionCode) ? rules.actions[actionCode] : undefined;
  return typeof rule === 'string' ? { state: rule } : rule;
};

export function stateFor(rules: ActionRules, actionCode: string): ActionState {
  return ruleOf(rules, actionCode)?.state ?? rules.defaultState;
}

/** The methods an action permits, in order of preference; undefined: any the user has. */
export function methodsFor(rules: ActionRules, actionCode: string): VerificationMethod[] | undefined {
  return ruleOf(rules, actionCode)?.methods;
}
