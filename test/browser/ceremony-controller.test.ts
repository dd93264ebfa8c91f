import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CeremonyController } from '../../src/controllers/ceremony-controller.js';
import { PasskeyElementError } from '../../src/internal/error-codes.js';
import { codeFromApiError, failureFromThrown } from '../../src/sdk/api-errors.js';

class TestHost implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
  disconnect() {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const named = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('CeremonyController', () => {
  it('goes ready → working → success and asks the host to render each time', async () => {
    const host = new TestHost();
    const c = new CeremonyController<string>(host);
    expect(c.state).to.deep.equal({ status: 'ready', cancelled: false });
    const d = deferred<string>();
    const run = c.run(() => d.promise);
    expect(c.state.status).to.equal('working');
    expect(c.busy).to.equal(true);
    d.resolve('token');
    expect(await run).to.deep.equal({ status: 'success', result: 'token' });
    expect(c.state).to.deep.equal({ status: 'success', result: 'token' });
    expect(host.updates).to.equal(2);
  });

  it('runs one ceremony at a time', async () => {
    const c = new CeremonyController<number>(new TestHost());
    let calls = 0;
    const d = deferred<number>();
    const first = c.run(() => (calls++, d.promise));
    const second = await c.run(() => (calls++, Promise.resolve(2)));
    expect(second).to.equal(undefined);
    d.resolve(1);
    expect(await first).to.deep.equal({ status: 'success', result: 1 });
    expect(calls).to.equal(1);
  });

  it('turns a dismissed prompt into ready-and-cancelled, an error into its code, anything else into unknown', async () => {
    const c = new CeremonyController<void>(new TestHost());
    expect(await c.run(() => Promise.reject(new PasskeyElementError('cancel')))).to.deep.equal({
      status: 'ready',
      cancelled: true,
    });
    expect(c.state).to.deep.equal({ status: 'ready', cancelled: true });
    expect(await c.run(() => Promise.reject(new PasskeyElementError('already-registered')))).to.deep.equal({
      status: 'error',
      code: 'already-registered',
    });
    expect(c.state).to.deep.equal({ status: 'error', code: 'already-registered' });
    // Raw errors are the SDK module's to classify; one that reaches the controller is a fault of ours.
    expect(await c.run(() => Promise.reject(named('NotAllowedError')))).to.deep.equal({
      status: 'error',
      code: 'unknown',
    });
    // Retry from the error state.
    expect(await c.run(() => Promise.resolve())).to.deep.equal({ status: 'success', result: undefined });
  });

  it('drops an outcome that arrives after the host disconnected', async () => {
    const host = new TestHost();
    const c = new CeremonyController<string>(host);
    const d = deferred<string>();
    const run = c.run(() => d.promise);
    host.disconnect();
    expect(c.state.status).to.equal('ready');
    expect(c.busy).to.equal(false, 'a new ceremony is not blocked');
    d.resolve('late');
    expect(await run).to.equal(undefined);
    expect(c.state.status).to.equal('ready');
  });

  it('drops a late failure after reset, and keeps the newer ceremony', async () => {
    const c = new CeremonyController<string>(new TestHost());
    const old = deferred<string>();
    const oldRun = c.run(() => old.promise);
    c.reset();
    const fresh = c.run(() => Promise.resolve('new'));
    old.reject(named('AbortError'));
    expect(await oldRun).to.equal(undefined);
    expect(await fresh).to.deep.equal({ status: 'success', result: 'new' });
    expect(c.state).to.deep.equal({ status: 'success', result: 'new' });
  });
});

describe('error mapping', () => {
  it('maps API error codes to element codes', () => {
    const cases: [string | undefined, string][] = [
      ['expired_token', 'expired-token'],
      ['invalid_token', 'expired-token'],
      ['too_many_requests', 'rate-limited'],
      ['already_registered', 'already-registered'],
      ['unauthorized', 'configuration'],
      ['insufficient_scope', 'configuration'],
      ['token_not_set', 'configuration'],
      ['internal_error', 'server'],
      ['invalid_credential', 'server'],
      ['network_error', 'network'],
      ['something_new', 'unknown'],
      [undefined, 'unknown'],
    ];
    for (const [api, code] of cases) expect(codeFromApiError(api), String(api)).to.equal(code);
  });

  it('maps thrown errors by name, never passing the error itself on', () => {
    expect(failureFromThrown(named('NotAllowedError'))).to.equal('cancel');
    expect(failureFromThrown(named('AbortError'))).to.equal('cancel');
    expect(failureFromThrown(named('InvalidStateError'))).to.equal('already-registered');
    expect(failureFromThrown(new TypeError('Failed to fetch'))).to.equal('network');
    expect(failureFromThrown(named('SecurityError'))).to.equal('configuration');
    expect(failureFromThrown(named('NotSupportedError'))).to.equal('unsupported');
    expect(failureFromThrown('weird')).to.equal('unknown');
    expect(failureFromThrown(null)).to.equal('unknown');
  });
});
