import { spawn, type ChildProcess } from 'node:child_process';

/**
 * One of our servers as a separate process, started through its real entry point (the emulator's
 * CLI, the demo's main) the way a person starts it, so that it can be killed for real.
 */
export class ServerProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    /** The address the process printed when it started listening. */
    readonly url: string,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** Spawns `node --import tsx <script> <args>` and resolves once a printed line names its address. */
  static start(script: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      let early = '';
      const onData = (chunk: Buffer) => {
        early += chunk.toString();
        const url = ready.exec(early)?.[1];
        if (url === undefined) return;
        child.stdout!.off('data', onData);
        child.off('exit', onExit);
        const started = new ServerProcess(child, url);
        started.output = early;
        resolve(started);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`${script} exited (${code}) before listening:\n${early}`));
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (early += chunk.toString()));
      child.once('exit', onExit);
    });
  }

  /** The emulator's CLI on a free port. */
  static emulator(options: { tenantId: string; secret: string; origins: string[]; dataFile?: string }) {
    return ServerProcess.start(
      'emulator/cli.ts',
      [
        '--port=0',
        `--tenant-id=${options.tenantId}`,
        `--secret=${options.secret}`,
        ...options.origins.map((o) => `--origin=${o}`),
        options.dataFile ? `--data=${options.dataFile}` : '--in-memory',
        '--rate-limit=0',
      ],
      {},
      /listening on (http:\/\/\S+\/v1)/,
    );
  }

  /** The demo bank (embedded emulator) on a free port, its data in `dataDir`. */
  static demo(dataDir: string) {
    return ServerProcess.start(
      'demo/server/main.ts',
      [],
      // Every fuzzed sign-in comes from this one address.
      { PORT: '0', DATA_DIR: dataDir, SIGN_INS_PER_ADDRESS_PER_MINUTE: '100000' },
      /running on (http:\/\/\S+)/,
    );
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the process printed so far (stdout and stderr). */
  get log(): string {
    return this.output;
  }

  /** SIGKILL by default: no handler runs, nothing is flushed, as when a machine loses power. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.alive) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }
}
