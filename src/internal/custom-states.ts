/**
 * Moves the element's CustomStateSet from `previous` to `active`, for `:state(name)` selectors.
 * Browsers without custom states (or with the old dashed-only syntax) simply get none.
 */
export function setCustomState(
  internals: ElementInternals | undefined,
  previous: string | undefined,
  active: string,
): void {
  const set = internals?.states;
  if (!set) return;
  try {
    if (previous) set.delete(previous);
    set.add(active);
  } catch {
    // Chromium < 125 only accepted `--name`; styling by state is an enhancement there.
  }
}
