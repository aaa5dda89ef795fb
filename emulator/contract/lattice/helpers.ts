/** Shared helpers of the VPC Lattice contract tests: error capture and small resource builders. */
import {
  CreateListenerCommand,
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  CreateTargetGroupCommand,
  VPCLatticeServiceException,
  type VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';

/** The SDK exception a call fails with (fails the test if the call succeeds). */
export async function caught(p: Promise<unknown>): Promise<VPCLatticeServiceException> {
  try {
    await p;
  } catch (e) {
    if (e instanceof VPCLatticeServiceException) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

/** A VPC id in AWS format. */
export const VPC = 'vpc-0a1b2c3d4e5f60718';

let n = 0;
/** A unique, valid resource name. */
export function uniqueName(prefix: string): string {
  n += 1;
  return `${prefix}-${n}`;
}

/** Creates an IP target group (HTTP:8080) and returns its id and ARN. */
export async function ipTargetGroup(
  c: VPCLatticeClient,
  name = uniqueName('group'),
): Promise<{ id: string; arn: string }> {
  const out = await c.send(
    new CreateTargetGroupCommand({ name, type: 'IP', config: { port: 8080, protocol: 'HTTP', vpcIdentifier: VPC } }),
  );
  return { id: out.id!, arn: out.arn! };
}

/** Creates a service and returns its id and ARN. */
export async function service(c: VPCLatticeClient, name = uniqueName('service')): Promise<{ id: string; arn: string }> {
  const out = await c.send(new CreateServiceCommand({ name }));
  return { id: out.id!, arn: out.arn! };
}

/** Creates a service network and returns its id and ARN. */
export async function network(
  c: VPCLatticeClient,
  name = uniqueName('net'),
  authType: 'NONE' | 'AWS_IAM' = 'NONE',
): Promise<{ id: string; arn: string }> {
  const out = await c.send(new CreateServiceNetworkCommand({ name, authType }));
  return { id: out.id!, arn: out.arn! };
}

/** Creates a service with an HTTP listener forwarding to a new target group. */
export async function serviceWithListener(
  c: VPCLatticeClient,
): Promise<{ svc: string; listener: string; tg: string; listenerArn: string }> {
  const svc = await service(c);
  const tg = await ipTargetGroup(c);
  const l = await c.send(
    new CreateListenerCommand({
      serviceIdentifier: svc.id,
      name: 'http',
      protocol: 'HTTP',
      defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tg.id }] } },
    }),
  );
  return { svc: svc.id, listener: l.id!, tg: tg.id, listenerArn: l.arn! };
}
