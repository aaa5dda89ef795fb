/**
 * Contract tests: TLS passthrough listeners as the VPC Lattice user guide describes them — the service
 * needs a custom domain name (the SNI match), the default action forwards to TCP target groups only
 * (weighted), there are no other rules, and TCP target groups have health checks off unless enabled
 * with a protocol and version.
 */
import {
  CreateListenerCommand,
  CreateRuleCommand,
  CreateServiceCommand,
  CreateTargetGroupCommand,
  GetListenerCommand,
  GetServiceCommand,
  GetTargetGroupCommand,
  ListTargetsCommand,
  RegisterTargetsCommand,
  UpdateListenerCommand,
  UpdateTargetGroupCommand,
  ValidationException,
  type VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { caught, ipTargetGroup, service, uniqueName, VPC } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function tcpGroup(c: VPCLatticeClient, healthCheck?: Record<string, unknown>) {
  return c.send(
    new CreateTargetGroupCommand({
      name: uniqueName('tcp'),
      type: 'IP',
      config: { port: 8443, protocol: 'TCP', vpcIdentifier: VPC, ...(healthCheck ? { healthCheck } : {}) },
    }),
  );
}

async function passthroughService(c: VPCLatticeClient) {
  const name = uniqueName('ledger-tls');
  return c.send(new CreateServiceCommand({ name, customDomainName: `${name}.example.com` }));
}

describe('TLS passthrough listeners', () => {
  it('forward (weighted) to TCP target groups of a service with a custom domain; no rules', async () => {
    const c = h.lattice();
    const svc = await passthroughService(c);
    expect((await c.send(new GetServiceCommand({ serviceIdentifier: svc.id }))).customDomainName).toBe(
      svc.customDomainName,
    );
    const blue = await tcpGroup(c);
    const green = await tcpGroup(c);
    const l = await c.send(
      new CreateListenerCommand({
        serviceIdentifier: svc.id,
        name: 'tls',
        protocol: 'TLS_PASSTHROUGH',
        port: 443,
        defaultAction: {
          forward: {
            targetGroups: [
              { targetGroupIdentifier: blue.id, weight: 80 },
              { targetGroupIdentifier: green.id, weight: 20 },
            ],
          },
        },
      }),
    );
    expect(l).toMatchObject({ protocol: 'TLS_PASSTHROUGH', port: 443 });
    const got = await c.send(new GetListenerCommand({ serviceIdentifier: svc.id, listenerIdentifier: l.id }));
    expect(got.defaultAction?.forward?.targetGroups?.map((t) => t.weight)).toEqual([80, 20]);
    const shifted = await c.send(
      new UpdateListenerCommand({
        serviceIdentifier: svc.id,
        listenerIdentifier: l.id,
        defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: green.id, weight: 100 }] } },
      }),
    );
    expect(shifted.defaultAction?.forward?.targetGroups).toEqual([{ targetGroupIdentifier: green.id, weight: 100 }]);
    const rule = await caught(
      c.send(
        new CreateRuleCommand({
          serviceIdentifier: svc.id,
          listenerIdentifier: l.id,
          name: 'path',
          priority: 1,
          match: { httpMatch: { pathMatch: { match: { prefix: '/' } } } },
          action: { forward: { targetGroups: [{ targetGroupIdentifier: blue.id }] } },
        }),
      ),
    );
    expect(rule).toBeInstanceOf(ValidationException);
    expect(rule.message).toContain('TLS_PASSTHROUGH');
  });

  it('refuses a service without a custom domain, HTTP target groups, fixed responses and a missing port', async () => {
    const c = h.lattice();
    const tcp = await tcpGroup(c);
    const plain = await service(c);
    const fwd = { forward: { targetGroups: [{ targetGroupIdentifier: tcp.id }] } };
    const noDomain = await caught(
      c.send(
        new CreateListenerCommand({
          serviceIdentifier: plain.id,
          name: 'tls',
          protocol: 'TLS_PASSTHROUGH',
          port: 443,
          defaultAction: fwd,
        }),
      ),
    );
    expect(noDomain).toBeInstanceOf(ValidationException);
    expect(noDomain.message).toContain('custom domain');
    const svc = await passthroughService(c);
    const http = await ipTargetGroup(c);
    const cases = [
      { port: 443, defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: http.id }] } } },
      { port: 443, defaultAction: { fixedResponse: { statusCode: 404 } } },
      { defaultAction: fwd },
    ];
    for (const extra of cases) {
      const e = await caught(
        c.send(
          new CreateListenerCommand({ serviceIdentifier: svc.id, name: 'tls', protocol: 'TLS_PASSTHROUGH', ...extra }),
        ),
      );
      expect(e, JSON.stringify(extra)).toBeInstanceOf(ValidationException);
    }
    const httpListener = await caught(
      c.send(
        new CreateListenerCommand({ serviceIdentifier: svc.id, name: 'http', protocol: 'HTTP', defaultAction: fwd }),
      ),
    );
    expect(httpListener).toBeInstanceOf(ValidationException);
  });
});

describe('TCP target groups', () => {
  it('have checks off by default (targets UNAVAILABLE once used); enabling needs protocol+version', async () => {
    const c = h.lattice();
    const tg = await tcpGroup(c);
    expect(tg.config?.healthCheck).toEqual({ enabled: false });
    const svc = await passthroughService(c);
    await c.send(
      new CreateListenerCommand({
        serviceIdentifier: svc.id,
        name: 'tls',
        protocol: 'TLS_PASSTHROUGH',
        port: 8443,
        defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tg.id }] } },
      }),
    );
    await c.send(new RegisterTargetsCommand({ targetGroupIdentifier: tg.id, targets: [{ id: '10.9.0.4' }] }));
    const targets = await c.send(new ListTargetsCommand({ targetGroupIdentifier: tg.id }));
    expect(targets.items?.[0]).toMatchObject({ status: 'UNAVAILABLE', reasonCode: 'Target.HealthCheckDisabled' });
    const half = await caught(
      c.send(new UpdateTargetGroupCommand({ targetGroupIdentifier: tg.id, healthCheck: { enabled: true } })),
    );
    expect(half).toBeInstanceOf(ValidationException);
    expect((half as ValidationException).fieldList?.[0]?.name).toBe('healthCheck.protocol');
    const on = await c.send(
      new UpdateTargetGroupCommand({
        targetGroupIdentifier: tg.id,
        healthCheck: { enabled: true, protocol: 'HTTPS', protocolVersion: 'HTTP1', path: '/health' },
      }),
    );
    expect(on.config?.healthCheck).toMatchObject({ enabled: true, protocol: 'HTTPS', path: '/health' });
    const got = await c.send(new GetTargetGroupCommand({ targetGroupIdentifier: tg.id }));
    expect(got.config?.healthCheck?.enabled).toBe(true);
    const withCheck = await tcpGroup(c, { enabled: true, protocol: 'HTTP', protocolVersion: 'HTTP1' });
    expect(withCheck.config?.healthCheck).toMatchObject({ enabled: true, protocol: 'HTTP', path: '/' });
  });
});
