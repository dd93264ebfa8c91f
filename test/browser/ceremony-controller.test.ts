import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CeremonyController } from '../../src/controllers/ceremony-controller.js';
import { PasskeyElementError, type Outcome } from '../../src/internal/error-codes.js';
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
  const data = <T>(value: T): Outcome<T> => ({ data: value });

  it('goes ready → working → success and asks the host to render each time', async () => {
    const host = new TestHost();
    const c = new CeremonyController<string>(host);
    expect(c.state).to.deep.equal({ status: 'ready', cancelled: false });
    const d = deferred<Outcome<string>>();
    const run = c.run(() => d.promise);
    expect(c.state.status).to.equal('working');
    expect(c.busy).to.equal(true);
    d.resolve(data('token'));
    expect(await run).to.deep.equal({ status: 'success', result: 'token' });
    expect(c.state).to.deep.equal({ status: 'success', result: 'token' });
    expect(host.updates).to.equal(2);
  });

  it('runs one ceremony at a time', async () => {
    const c = new CeremonyController<number>(new TestHost());
    let calls = 0;
    const d = deferred<Outcome<number>>();
    const first = c.run(() => (calls++, d.promise));
    const second = await c.run(() => (calls++, Promise.resolve(data(2))));
    expect(second).to.equal(undefined);
    d.resolve(data(1));
    expect(await first).to.deep.equal({ status: 'success', result: 1 });
    expect(calls).to.equal(1);
  });

  it('turns a dismissed prompt into ready-and-cancelled, a code into an error, anything thrown but its own error into unknown', async () => {
    const c = new CeremonyController<string>(new TestHost());
    expect(await c.run(async () => ({ code: 'cancel' }))).to.deep.equal({ status: 'ready', cancelled: true });
    expect(c.state).to.deep.equal({ status: 'ready', cancelled: true });
    expect(await c.run(async () => ({ code: 'already-registered' }))).to.deep.equal({
      status: 'error',
      code: 'already-registered',
    });
    expect(c.state).to.deep.equal({ status: 'error', code: 'already-registered' });
    // A failed download of the SDK throws the elements' own error, already classified.
    expect(await c.run(() => Promise.reject(new PasskeyElementError('network')))).to.deep.equal({
      status: 'error',
      code: 'network',
    });
    // Raw errors are the SDK module's to classify; one that reaches the controller is a fault of ours.
    expect(await c.run(() => Promise.reject(named('NotAllowedError')))).to.deep.equal({
      status: 'error',
      code: 'unknown',
    });
    // Retry from the error state.
    expect(await c.run(async () => data('again'))).to.deep.equal({ status: 'success', result: 'again' });
  });

  it('ends a step with no data (a code sent) in ready, not cancelled, and a later step can still succeed', async () => {
    const c = new CeremonyController<string>(new TestHost());
    expect(await c.run(async () => data(undefined))).to.deep.equal({ status: 'ready', cancelled: false });
    expect(await c.run(async () => data('token'))).to.deep.equal({ status: 'success', result: 'token' });
  });

  it('drops an outcome that arrives after the host disconnected', async () => {
    const host = new TestHost();
    const c = new CeremonyController<string>(host);
    const d = deferred<Outcome<string>>();
    const run = c.run(() => d.promise);
    host.disconnect();
    expect(c.state.status).to.equal('ready');
    expect(c.busy).to.equal(false, 'a new ceremony is not blocked');
    d.resolve(data('late'));
    expect(await run).to.equal(undefined);
    expect(c.state.status).to.equal('ready');
  });

  it('drops a late failure after reset, and keeps the newer ceremony', async () => {
    const c = new CeremonyController<string>(new TestHost());
    const old = deferred<Outcome<string>>();
    const oldRun = c.run(() => old.promise);
    c.reset();
    const fresh = c.run(async () => data('new'));
    old.resolve({ code: 'cancel' });
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
