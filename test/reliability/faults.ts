import { SectionReport } from './support/report.js';
export async function faults(..._args: unknown[]): Promise<SectionReport> {
  return new SectionReport('faults');
}
