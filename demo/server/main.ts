import { resolveDemoConfig } from './demo-config.js';
import { startDemoServer } from './demo-server.js';

let config;
try {
  config = resolveDemoConfig(process.env);
} catch (error) {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(2);
}
const demo = await startDemoServer(config).catch((error: Error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
console.log(`Demo bank running on ${demo.url}`);
console.log(
  config.authsignal
    ? `  against Authsignal at ${config.authsignal.apiUrl}`
    : `  with the local Authsignal-compatible emulator at ${demo.url}/v1 (development only)`,
);
console.log(`  data in ${config.dataDir ?? 'memory'} · stop with Ctrl+C`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void demo.close().then(() => process.exit(0)));
}
