/**
 * Helpers for integration tests of lib/routing against the emulator's demo scenario: contexts,
 * and the payments-api service with its `/v2/` canary rule.
 */
import type { AwsClientFactory } from '../aws/clientFactory';
import { withWriteAccess } from '../aws/writeAccess';
import type { ListenerView, RuleView, ServiceRouting } from './view';
import { routingContext, type RoutingContext } from './context';
import { readServiceRouting } from './readService';

/** A context for a named test user. */
export function testContext(factory: AwsClientFactory, user = 'alice', now: () => number = Date.now): RoutingContext {
  return { ...routingContext({ id: user, name: user }, factory), now };
}

/**
 * `fn` run with write access, as a mutating server action runs its body (lib/actions/run.ts): what tests
 * that change routes directly, without the action, need to use the write role.
 */
export function granted<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => withWriteAccess(`test ${fn.name}`, () => fn(...args));
}

/** The routing of payments-api, its listener and its `/v2/` canary rule. */
export async function paymentsCanary(
  ctx: RoutingContext,
  serviceArn: string,
): Promise<{ routing: ServiceRouting; listener: ListenerView; rule: RuleView }> {
  const routing = await readServiceRouting(ctx, serviceArn);
  const listener = routing.listeners[0];
  const rule = listener?.rules.find((r) => r.name === 'v2-canary');
  if (!listener || !rule) throw new Error('payments-api has no v2-canary rule');
  return { routing, listener, rule };
}
