import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const RESULTS_FILE = 'bench/results.json';

/**
 * Writes some top-level keys of bench/results.json and keeps the others: `npm run bench` and
 * `npm run test:reliability` each own their part of the file.
 */
export function updateResults(part: Record<string, unknown>): void {
  const current = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as object) : {};
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...current, ...part }, null, 2)}\n`);
}
