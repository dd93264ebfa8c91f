import type { CompiledRule, CompiledRules, RuleType } from './action-rules.js';
import { ApiError } from './api-error.js';
import type { ActionState, VerificationMethod } from './model.js';
import type { RuleFacts } from './rule-facts.js';

/** What the rules decided for one tracked action, before the user's enrollment is taken into account. */
export interface RuleDecision {
  type: RuleType;
  /** The rule whose conditions held; none: the action's default (or the emulator's, for an unknown action). */
  rule?: CompiledRule;
  /** The methods a challenge permits, in order of preference; undefined: every method the user has. */
  methods?: VerificationMethod[];
  defaultMethod?: VerificationMethod;
}

/** JsonLogic's truthiness: an empty list is false, as in every JsonLogic implementation. */
const holds = (result: unknown): boolean => (Array.isArray(result) ? result.length > 0 : Boolean(result));

/**
 * Authsignal's evaluation: the active rules of the action in priority order (0 first); the first
 * whose conditions hold decides, with its methods (else the action's); none holds: the action's
 * `defaultUserActionResult`.
 */
export function decide(rules: CompiledRules, actionCode: string, facts: RuleFacts | undefined): RuleDecision {
  const config = rules.actions.get(actionCode);
  if (!config) return { type: rules.defaultUserActionResult };
  if (facts) {
    for (const rule of config.rules) {
      if (!rule.isActive) continue;
      let result: unknown;
      try {
        result = rule.matches(facts);
      } catch (error) {
        // Fail closed and say which rule: never an ALLOW because a condition could not be read.
        const detail = error instanceof Error ? error.message : JSON.stringify(error);
        throw new ApiError(500, 'rule_failed', `Rule "${rule.name}" of action "${actionCode}" failed: ${detail}`);
      }
      if (holds(result)) {
        return {
          type: rule.type,
          rule,
          methods: rule.verificationMethods ?? config.verificationMethods,
          defaultMethod: rule.defaultVerificationMethod ?? config.defaultVerificationMethod,
        };
      }
    }
  }
  return {
    type: config.defaultUserActionResult,
    methods: config.verificationMethods,
    defaultMethod: config.defaultVerificationMethod,
  };
}

const STATE_OF: Record<RuleType, ActionState> = {
  ALLOW: 'ALLOW',
  BLOCK: 'BLOCK',
  CHALLENGE: 'CHALLENGE_REQUIRED',
  REVIEW: 'REVIEW_REQUIRED',
};

/** The track state Authsignal answers for a decision. */
export const stateOf = (type: RuleType): ActionState => STATE_OF[type];
