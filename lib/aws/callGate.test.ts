import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { TrellisError } from '../domain/errors';
import type { CallObserver } from './callGate';
import { AwsClientFactory } from './clientFactory';
import { PacerPool, type Pacable } from './pacer';

const ACCOUNT = '111111111111';

function factory(concurrency = 8): AwsClientFactory {
  return new AwsClientFactory(
    loadConfig({
      AWS_REGION: 'us-east-1',
      TRELLIS_AUTH: 'none',
      TRELLIS_ANONYMOUS_ROLE: 'viewer',
      TRELLIS_ACCOUNT_CONCURRENCY: String(concurrency),
    }),
  );
}

/** A command whose per-attempt middleware the test runs itself (the SDK would run it per attempt). */
function fakeCommand(): Pacable & { attempt<T>(send: () => Promise<T>): Promise<T> } {
  const added: Array<<A, R>(next: (a: A) => Promise<R>) => (a: A) => Promise<R>> = [];
  return {
    middlewareStack: {
      addRelativeTo: (m) => {
        added.push(m);
      },
    },
    attempt: (send) => {
      const mw = added[0];
      return mw ? mw(() => send())(undefined) : send();
    },
  };
}

function counter(): CallObserver & { seen: string[] } {
  const seen: string[] = [];
  const note = (what: string) => (_a: string, op: string) => void seen.push(`${what} ${op}`);
  return { seen, call: note('call'), request: note('request'), throttled: note('throttled'), failed: note('failed') };
}

const scope = { accountId: ACCOUNT, operation: 'ListServices' };
const throttle = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

describe('CallGate', () => {
  it('paces and reports every attempt, and retries a throttled call when asked to', async () => {
    const gate = factory().gate;
    const pacers = new PacerPool();
    const cmd = fakeCommand();
    const obs = counter();
    let n = 0;
    const out = await gate.send(scope, { observer: obs, throttleRetries: 1 }, pacers, cmd, () =>
      cmd.attempt(async () => {
        if (n++ === 0) throw throttle();
        return 'ok';
      }),
    );
    expect(out).toBe('ok');
    expect(obs.seen).toEqual([
      'call ListServices',
      'request ListServices',
      'throttled ListServices',
      'request ListServices',
    ]);
    // The pacer learned of the throttle: it paces from now on.
    expect(Number.isFinite(pacers.of(ACCOUNT, 'us-east-1').rate)).toBe(true);
  });

  it('maps a failure to a TrellisError naming the operation, and counts it as failed', async () => {
    const gate = factory().gate;
    const obs = counter();
    const e = await gate
      .send(scope, { observer: obs }, new PacerPool(), fakeCommand(), () => Promise.reject(throttle()))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TrellisError);
    expect((e as TrellisError).code).toBe('THROTTLED');
    expect((e as TrellisError).message).toContain('ListServices');
    expect(obs.seen).toEqual(['call ListServices', 'failed ListServices']);
  });

  it("rejects with the signal's own reason once the caller aborted", async () => {
    const gate = factory().gate;
    const ctl = new AbortController();
    const reason = new TrellisError('TIMEOUT', 'crawl deadline');
    const p = gate.send(scope, { signal: ctl.signal }, new PacerPool(), fakeCommand(), () => {
      ctl.abort(reason);
      return Promise.reject(new Error('socket closed'));
    });
    await expect(p).rejects.toBe(reason);
  });

  it("serves a user's write before queued background calls of the same account", async () => {
    const gate = factory(1).gate;
    const order: string[] = [];
    let release = () => {};
    const busy = gate.run(scope, () => new Promise<void>((r) => (release = r)));
    const calls = [
      gate.run({ ...scope, priority: 'background' }, async () => void order.push('crawl')),
      gate.run({ ...scope, operation: 'GetRule' }, async () => void order.push('read')),
      gate.run({ ...scope, operation: 'UpdateRule', priority: 'critical' }, async () => void order.push('write')),
    ];
    release();
    await Promise.all([busy, ...calls]);
    expect(order).toEqual(['write', 'read', 'crawl']);
  });

  it('keeps factory state per key, made once', () => {
    const f = factory();
    let made = 0;
    const a = f.state('k', () => ({ n: ++made }));
    expect(f.state('k', () => ({ n: ++made }))).toBe(a);
    expect(made).toBe(1);
    expect(factory().state('k', () => ({ n: 0 }))).not.toBe(a);
  });
});
