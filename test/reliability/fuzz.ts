import { SectionReport } from './support/report.js';
export async function fuzz(..._args: unknown[]): Promise<SectionReport> {
  return new SectionReport('fuzz');
}
