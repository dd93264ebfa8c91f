/**
 * Sets exactly one of `states` on the element's CustomStateSet, for `:state(name)` selectors.
 * Browsers without custom states (or with the old dashed-only syntax) simply get none.
 */
export function setCustomState(
  internals: ElementInternals | undefined,
  states: readonly string[],
  active: string,
): void {
  const set = internals?.states;
  if (!set) return;
  try {
    for (const state of states) {
      if (state === active) set.add(state);
      else set.delete(state);
    }
  } catch {
    // Chromium < 125 only accepted `--name`; styling by state is an enhancement there.
  }
}
