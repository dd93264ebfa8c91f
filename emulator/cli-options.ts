import { parseArgs } from 'node:util';
import { loadRulesFile } from './action-rules.js';
import { DEFAULTS, type EmulatorOptions } from './emulator-options.js';

export const USAGE = `Usage: passkey-elements-emulator [options]   (in this repository: npm run emulator -- [options])

  --port N            port to listen on (env EMULATOR_PORT; default ${DEFAULTS.port}; 0 = any free port)
  --host H            interface to bind (env EMULATOR_HOST; default ${DEFAULTS.host})
  --tenant-id T       tenant id the browser SDK sends (env EMULATOR_TENANT_ID; default ${DEFAULTS.tenantId})
  --secret S          API secret key the node SDK sends (env EMULATOR_SECRET; default ${DEFAULTS.secret})
  --origin O          allowed web origin, repeatable (env EMULATOR_ORIGINS, comma-separated;
                      default ${DEFAULTS.origins.join(', ')})
  --client-id C       app client sessions are created for, repeatable (env EMULATOR_CLIENT_IDS,
                      comma-separated; default ${DEFAULTS.clientIds.join(', ')})
  --rp-id R           WebAuthn relying party id (env EMULATOR_RP_ID; default ${DEFAULTS.rpId})
  --data FILE         JSON file kept across restarts (env EMULATOR_DATA; default ${DEFAULTS.dataFile})
  --in-memory         keep nothing on disk (env EMULATOR_IN_MEMORY=1)
  --rules FILE        action configurations and rules, JSON (env EMULATOR_RULES), e.g.
                      {"actions":{"pay":{"defaultUserActionResult":"ALLOW","rules":[{"name":"Large",
                      "priority":0,"isActive":true,"type":"CHALLENGE","conditions":{">":[{"var":
                      "custom.amount"},5000]}}]}}}
  --rate-limit N      client-API requests per caller per minute (env EMULATOR_RATE_LIMIT;
                      default ${DEFAULTS.rateLimit.max}; 0 = no limit)
  --help              print this text
`;

export type CliResult = { help: true } | { help: false; options: EmulatorOptions };

/** Flags win over environment variables, which win over the defaults. Throws on bad input. */
export function resolveCliOptions(argv: string[], env: NodeJS.ProcessEnv): CliResult {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'tenant-id': { type: 'string' },
      secret: { type: 'string' },
      origin: { type: 'string', multiple: true },
      'client-id': { type: 'string', multiple: true },
      'rp-id': { type: 'string' },
      data: { type: 'string' },
      'in-memory': { type: 'boolean' },
      rules: { type: 'string' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return { help: true };

  const portText = values.port ?? env.EMULATOR_PORT;
  const port = portText === undefined ? DEFAULTS.port : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got "${portText}".`);

  const inMemory = values['in-memory'] ?? ['1', 'true'].includes(env.EMULATOR_IN_MEMORY ?? '');
  const data = values.data ?? env.EMULATOR_DATA;
  if (inMemory && values.data) throw new Error('--data and --in-memory exclude each other.');

  const origins =
    values.origin ??
    env.EMULATOR_ORIGINS?.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  for (const origin of origins ?? []) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(`--origin "${origin}" is not a URL such as http://localhost:5173.`);
    }
    if (parsed.origin !== origin.replace(/\/$/, '')) {
      throw new Error(`--origin "${origin}" must be a bare origin (scheme, host, port), no path.`);
    }
  }
  const clientIds =
    values['client-id'] ??
    env.EMULATOR_CLIENT_IDS?.split(',')
      .map((c) => c.trim())
      .filter(Boolean);
  if (clientIds?.some((id) => !/^[\w.:-]{1,128}$/.test(id))) {
    throw new Error(
      `--client-id must be letters, digits, "_", ".", ":" or "-" (1–128), got "${clientIds.join(', ')}".`,
    );
  }
  const rateText = values['rate-limit'] ?? env.EMULATOR_RATE_LIMIT;
  const rate = rateText === undefined ? DEFAULTS.rateLimit.max : Number(rateText);
  if (!Number.isInteger(rate) || rate < 0)
    throw new Error(`--rate-limit must be a whole number ≥ 0, got "${rateText}".`);
  const rulesFile = values.rules ?? env.EMULATOR_RULES;
  const tenantId = values['tenant-id'] ?? env.EMULATOR_TENANT_ID;
  const secret = values.secret ?? env.EMULATOR_SECRET;
  if (tenantId === '') throw new Error('--tenant-id must not be empty.');
  if (secret === '') throw new Error('--secret must not be empty.');

  return {
    help: false,
    options: {
      port,
      host: values.host ?? env.EMULATOR_HOST ?? DEFAULTS.host,
      tenantId: tenantId ?? DEFAULTS.tenantId,
      secret: secret ?? DEFAULTS.secret,
      origins: origins?.length ? origins : [...DEFAULTS.origins],
      clientIds: clientIds?.length ? clientIds : [...DEFAULTS.clientIds],
      rpId: values['rp-id'] ?? env.EMULATOR_RP_ID ?? DEFAULTS.rpId,
      dataFile: inMemory ? undefined : (data ?? DEFAULTS.dataFile),
      rules: rulesFile ? loadRulesFile(rulesFile) : undefined,
      rateLimit: rate === 0 ? false : { max: rate, windowSeconds: 60 },
    },
  };
}
