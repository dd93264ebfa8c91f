import { SectionReport } from './support/report.js';
export async function concurrency(..._args: unknown[]): Promise<SectionReport> {
  return new SectionReport('concurrency');
}
