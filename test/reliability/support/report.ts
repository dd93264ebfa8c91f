/** What one section of the reliability suite found: checks that pass or fail, table rows, figures. */
export class SectionReport {
  readonly checks: { name: string; ok: boolean; detail: string }[] = [];
  readonly rows: [string, string][] = [];
  readonly figures: Record<string, unknown> = {};

  constructor(readonly section: string) {}

  /** Records a check; `detail` says what was seen, pass or fail. */
  check(name: string, ok: boolean, detail = ''): boolean {
    this.checks.push({ name, ok, detail });
    return ok;
  }

  row(label: string, value: string): void {
    this.rows.push([label, value]);
  }

  get failed(): number {
    return this.checks.filter((c) => !c.ok).length;
  }
}

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

/** The value below which `fraction` of the values lie (nearest rank). */
export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}
