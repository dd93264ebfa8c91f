#!/usr/bin/env node
import { resolveCliOptions, USAGE } from './cli-options.js';
import { startEmulator } from './public.js';

let resolved;
try {
  resolved = resolveCliOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`emulator: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (resolved.help) {
  console.log(USAGE);
  process.exit(0);
}
const { options } = resolved;
const emulator = await startEmulator(options).catch((error: Error) => {
  console.error(`emulator: ${error.message}`);
  process.exit(1);
});
console.log(`Authsignal-compatible emulator (development and tests only) listening on ${emulator.url}`);
console.log(`  tenant ${emulator.tenantId} · rp id ${options.rpId} · origins ${options.origins?.join(', ')}`);
console.log(`  data ${options.dataFile ?? 'in memory'}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void emulator.close().then(() => process.exit(0)));
}
