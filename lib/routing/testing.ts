/**
 * Helpers for integration tests of lib/routing against the emulator's demo scenario: contexts,
 * and the payments-api service with its `/v2/` canary rule.
 */
import { ListServicesCommand, type VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { ListenerView, RuleView, ServiceRouting } from './view';
import { routingContext, type RoutingContext } from './context';
import { readServiceRouting } from './readService';

/** A context for a named test user. */
export function testContext(factory: AwsClientFactory, user = 'alice', now: () => number = Date.now): RoutingContext {
  return { ...routingContext({ id: user, name: user }, factory), now };
}

/** The ARN of a demo service by name, listed with raw SDK credentials of its account. */
export async function serviceArnByName(lattice: VPCLatticeClient, name: string): Promise<string> {
  const out = await lattice.send(new ListServicesCommand({ maxResults: 100 }));
  const arn = out.items?.find((s) => s.name === name)?.arn;
  if (!arn) throw new Error(`no service ${name}`);
  return arn;
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
