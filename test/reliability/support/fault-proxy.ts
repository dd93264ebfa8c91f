import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

export type KillPoint = 'before' | 'during' | 'after';

const collect = async (stream: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * Stands between the page and the emulator process and kills the emulator at one chosen point of
 * one chosen request of a ceremony: before the request reaches it, while it is receiving it, or
 * after it has answered (the answer is then never delivered). The page's connection is dropped
 * each time, as it is when the real API goes away.
 */
export class FaultProxy {
  private plan?: { request: number; point: KillPoint };
  private seen = 0;

  constructor(
    /** Where the emulator listens now (it changes with every restart). */
    private readonly target: () => string,
    private readonly kill: () => Promise<void>,
  ) {}

  /** Arms one kill for the `request`-th request from now on; undefined passes everything through. */
  arm(plan?: { request: number; point: KillPoint }): void {
    this.plan = plan;
    this.seen = 0;
  }

  readonly handle = (request: IncomingMessage, response: ServerResponse): void => {
    this.forward(request, response).catch(() => response.destroy());
  };

  private async forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await collect(request);
    const point = this.plan?.request === ++this.seen ? this.plan.point : undefined;
    if (point === 'before') await this.kill();
    const target = new URL(request.url!, this.target());
    const upstream = httpRequest(target, {
      method: request.method,
      headers: { ...request.headers, host: target.host, 'content-length': String(body.length) },
    });
    upstream.on('error', () => response.destroy());
    if (point === 'during') {
      // Half the body reaches the emulator, then it dies waiting for the rest.
      upstream.write(body.subarray(0, Math.floor(body.length / 2)), () => {
        void this.kill().then(() => response.destroy());
      });
      return;
    }
    upstream.end(body);
    const answer = await new Promise<IncomingMessage>((resolve) => upstream.once('response', resolve));
    const data = await collect(answer);
    if (point === 'after') {
      await this.kill();
      return void response.destroy();
    }
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    response.end(data);
  }
}
