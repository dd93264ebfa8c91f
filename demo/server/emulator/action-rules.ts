import { readFileSync } from 'node:fs';
import { ACTION_STATES, type ActionState } from './model.js';

/** The outcome `track` gives each action code, before enrollment is taken into account. */
export interface ActionRules {
  defaultState: ActionState;
  actions: Record<string, ActionState>;
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
    throw new Error(`${source}.actions must be an object of action code → state.`);
  }
  const actions: Record<string, ActionState> = {};
  for (const [code, state] of Object.entries((raw.actions ?? {}) as Record<string, unknown>)) {
    actions[code] = checkState(state, `${source}.actions["${code}"]`);
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

export function stateFor(rules: ActionRules, actionCode: string): ActionState {
  return rules.actions[actionCode] ?? rules.defaultState;
}
