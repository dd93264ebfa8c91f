import { readFileSync, writeFileSync } from 'node:fs';

/** A Markdown table laid out as Prettier lays it out, so that `prettier --check` stays quiet. */
export function markdownTable(header: [string, string], rows: [string, string][]): string {
  const widths = [0, 1].map((i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Replaces the table of README's "## Reliability" section (the first one after its heading). */
export function updateReadmeTable(rows: [string, string][], path = 'README.md'): void {
  const readme = readFileSync(path, 'utf8');
  const start = readme.indexOf('\n## Reliability');
  if (start === -1) throw new Error('README.md has no "## Reliability" section');
  const tableStart = readme.indexOf('\n| check ', start);
  const end = readme.indexOf('\n## ', start + 1);
  if (tableStart === -1 || tableStart > end) throw new Error('README.md has no table in "## Reliability"');
  let tableEnd = tableStart + 1;
  while (readme.startsWith('|', tableEnd)) tableEnd = readme.indexOf('\n', tableEnd) + 1;
  const table = markdownTable(['check', 'result'], rows);
  writeFileSync(path, `${readme.slice(0, tableStart + 1)}${table}\n${readme.slice(tableEnd)}`);
}
