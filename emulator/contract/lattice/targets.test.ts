/** Contract tests: target groups and targets (health over the emulator clock) through the real SDK client. */
import {
  ConflictException,
  CreateListenerCommand,
  CreateTargetGroupCommand,
  DeleteListenerCommand,
  DeleteTargetGroupCommand,
  DeregisterTargetsCommand,
  GetTargetGroupCommand,
  ListTargetGroupsCommand,
  ListTargetsCommand,
  RegisterTargetsCommand,
  ResourceNotFoundException,
  UpdateTargetGroupCommand,
  ValidationException,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock';
import { startHarness, type Harness } from '../harness';
import { caught, service, uniqueName, VPC } from './helpers';

const clock = new ManualClock(Date.UTC(2026, 0, 1));
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ clock });
});
afterAll(() => h.close());

async function statuses(tg: string): Promise<Record<string, string | undefined>> {
  const out = await h.lattice().send(new ListTargetsCommand({ targetGroupIdentifier: tg }));
  return Object.fromEntries((out.items ?? []).map((t) => [`${t.id}:${t.port}`, t.status]));
}

describe('target groups', () => {
  it('create (with AWS defaults) → get → list (filters) → update health check → delete', async () => {
    const c = h.lattice();
    const name = uniqueName('web');
    const created = await c.send(
      new CreateTargetGroupCommand({
        name,
        type: 'INSTANCE',
        config: { port: 8080, protocol: 'HTTP', vpcIdentifier: VPC },
        tags: { app: 'web' },
      }),
    );
    expect(created.id).toMatch(/^tg-[0-9a-z]{17}$/);
    expect(created.status).toBe('ACTIVE');
    expect(created.config?.healthCheck).toMatchObject({
      enabled: true,
      healthCheckIntervalSeconds: 30,
      healthyThresholdCount: 5,
      path: '/',
    });
    const got = await c.send(new GetTargetGroupCommand({ targetGroupIdentifier: created.arn }));
    expect(got).toMatchObject({ id: created.id, name, type: 'INSTANCE', serviceArns: [] });
    const byType = await c.send(new ListTargetGroupsCommand({ targetGroupType: 'INSTANCE', vpcIdentifier: VPC }));
    expect(byType.items?.find((t) => t.id === created.id)).toMatchObject({
      port: 8080,
      protocol: 'HTTP',
      vpcIdentifier: VPC,
    });
    const lambdaOnly = await c.send(new ListTargetGroupsCommand({ targetGroupType: 'LAMBDA' }));
    expect(lambdaOnly.items?.some((t) => t.id === created.id)).toBe(false);
    const upd = await c.send(
      new UpdateTargetGroupCommand({
        targetGroupIdentifier: created.id,
        healthCheck: { healthCheckIntervalSeconds: 10, path: '/health' },
      }),
    );
    expect(upd.config?.healthCheck).toMatchObject({
      healthCheckIntervalSeconds: 10,
      path: '/health',
      healthyThresholdCount: 5,
    });
    const range = await caught(
      c.send(
        new UpdateTargetGroupCommand({
          targetGroupIdentifier: created.id,
          healthCheck: { healthCheckIntervalSeconds: 2 },
        }),
      ),
    );
    expect(range).toBeInstanceOf(ValidationException);
    const del = await c.send(new DeleteTargetGroupCommand({ targetGroupIdentifier: created.id }));
    expect(del.status).toBe('DELETE_IN_PROGRESS');
    expect(await caught(c.send(new GetTargetGroupCommand({ targetGroupIdentifier: created.id })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('checks config per type: LAMBDA takes no port, ALB no health check, IP needs a VPC', async () => {
    const c = h.lattice();
    const lambda = await c.send(new CreateTargetGroupCommand({ name: uniqueName('fn'), type: 'LAMBDA' }));
    expect(lambda.config).toEqual({ lambdaEventStructureVersion: 'V1' });
    expect(
      await caught(
        c.send(new CreateTargetGroupCommand({ name: uniqueName('fn'), type: 'LAMBDA', config: { port: 80 } })),
      ),
    ).toBeInstanceOf(ValidationException);
    expect(
      await caught(
        c.send(
          new CreateTargetGroupCommand({
            name: uniqueName('alb'),
            type: 'ALB',
            config: { port: 80, protocol: 'HTTP', vpcIdentifier: VPC, healthCheck: { enabled: true } },
          }),
        ),
      ),
    ).toBeInstanceOf(ValidationException);
    expect(
      await caught(
        c.send(
          new CreateTargetGroupCommand({ name: uniqueName('ip'), type: 'IP', config: { port: 80, protocol: 'HTTP' } }),
        ),
      ),
    ).toBeInstanceOf(ValidationException);
  });

  it('reports the services that use a group and refuses to delete it while used', async () => {
    const c = h.lattice();
    const svc = await service(c);
    const tg = await c.send(
      new CreateTargetGroupCommand({
        name: uniqueName('used'),
        type: 'IP',
        config: { port: 80, protocol: 'HTTP', vpcIdentifier: VPC },
      }),
    );
    const l = await c.send(
      new CreateListenerCommand({
        serviceIdentifier: svc.id,
        name: 'http',
        protocol: 'HTTP',
        defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tg.id }] } },
      }),
    );
    expect((await c.send(new GetTargetGroupCommand({ targetGroupIdentifier: tg.id }))).serviceArns).toEqual([svc.arn]);
    const listed = await c.send(new ListTargetGroupsCommand({}));
    expect(listed.items?.find((t) => t.id === tg.id)?.serviceArns).toEqual([svc.arn]);
    const e = await caught(c.send(new DeleteTargetGroupCommand({ targetGroupIdentifier: tg.id })));
    expect(e).toBeInstanceOf(ConflictException);
    await c.send(new DeleteListenerCommand({ serviceIdentifier: svc.id, listenerIdentifier: l.id }));
    await c.send(new DeleteTargetGroupCommand({ targetGroupIdentifier: tg.id }));
  });
});

describe('targets', () => {
  it('register → INITIAL → HEALTHY after healthyThresholdCount × interval; UNUSED if no service uses it', async () => {
    const c = h.lattice();
    const tg = await c.send(
      new CreateTargetGroupCommand({
        name: uniqueName('health'),
        type: 'IP',
        config: {
          port: 80,
          protocol: 'HTTP',
          vpcIdentifier: VPC,
          healthCheck: { healthCheckIntervalSeconds: 10, healthyThresholdCount: 3 },
        },
      }),
    );
    const reg = await c.send(
      new RegisterTargetsCommand({
        targetGroupIdentifier: tg.id,
        targets: [{ id: '10.1.0.1' }, { id: '10.1.0.2', port: 8080 }, { id: 'not-an-ip' }],
      }),
    );
    expect(reg.successful).toEqual([
      { id: '10.1.0.1', port: 80 },
      { id: '10.1.0.2', port: 8080 },
    ]);
    expect(reg.unsuccessful?.[0]).toMatchObject({ id: 'not-an-ip', failureCode: 'InvalidTarget' });
    expect(await statuses(tg.id!)).toEqual({ '10.1.0.1:80': 'UNUSED', '10.1.0.2:8080': 'UNUSED' });
    const svc = await service(c);
    await c.send(
      new CreateListenerCommand({
        serviceIdentifier: svc.id,
        name: 'http',
        protocol: 'HTTP',
        defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tg.id }] } },
      }),
    );
    expect(await statuses(tg.id!)).toEqual({ '10.1.0.1:80': 'INITIAL', '10.1.0.2:8080': 'INITIAL' });
    clock.advance(30_000);
    const healthy = await c.send(
      new ListTargetsCommand({ targetGroupIdentifier: tg.id, targets: [{ id: '10.1.0.1' }] }),
    );
    expect(healthy.items).toEqual([{ id: '10.1.0.1', port: 80, status: 'HEALTHY' }]);
    // Deregistration: DRAINING for the drain time, then gone.
    const dereg = await c.send(
      new DeregisterTargetsCommand({
        targetGroupIdentifier: tg.arn,
        targets: [{ id: '10.1.0.1' }, { id: '10.9.9.9' }],
      }),
    );
    expect(dereg.successful).toEqual([{ id: '10.1.0.1', port: 80 }]);
    expect(dereg.unsuccessful?.[0]).toMatchObject({ id: '10.9.9.9', failureCode: 'TargetNotFound' });
    expect(await statuses(tg.id!)).toEqual({ '10.1.0.1:80': 'DRAINING', '10.1.0.2:8080': 'HEALTHY' });
    clock.advance(60_000);
    expect(await statuses(tg.id!)).toEqual({ '10.1.0.2:8080': 'HEALTHY' });
    // Disabling health checks makes targets UNAVAILABLE.
    await c.send(new UpdateTargetGroupCommand({ targetGroupIdentifier: tg.id, healthCheck: { enabled: false } }));
    const out = await c.send(new ListTargetsCommand({ targetGroupIdentifier: tg.id }));
    expect(out.items?.[0]).toMatchObject({ status: 'UNAVAILABLE', reasonCode: 'Target.HealthCheckDisabled' });
  });

  it('checks target ids per type and shows forced statuses with their reason', async () => {
    const c = h.lattice();
    const fn = await c.send(new CreateTargetGroupCommand({ name: uniqueName('fn'), type: 'LAMBDA' }));
    const reg = await c.send(
      new RegisterTargetsCommand({
        targetGroupIdentifier: fn.id,
        targets: [
          { id: 'arn:aws:lambda:us-east-1:111111111111:function:ok' },
          { id: 'arn:aws:lambda:us-east-1:111111111111:function:second' },
        ],
      }),
    );
    expect(reg.successful).toHaveLength(1);
    expect(reg.unsuccessful).toHaveLength(1);
    const inst = await c.send(
      new CreateTargetGroupCommand({
        name: uniqueName('vm'),
        type: 'INSTANCE',
        config: { port: 80, protocol: 'HTTP', vpcIdentifier: VPC },
      }),
    );
    const r2 = await c.send(
      new RegisterTargetsCommand({
        targetGroupIdentifier: inst.id,
        targets: [{ id: 'i-0123456789abcdef0' }, { id: '10.0.0.1' }],
      }),
    );
    expect(r2.successful?.map((t) => t.id)).toEqual(['i-0123456789abcdef0']);
    h.emu.state.lattice.setTargetStatus(inst.id!, 'i-0123456789abcdef0', 'UNHEALTHY', 'HealthCheckFailed');
    const out = await c.send(new ListTargetsCommand({ targetGroupIdentifier: inst.id }));
    expect(out.items).toEqual([
      { id: 'i-0123456789abcdef0', port: 80, status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' },
    ]);
  });
});
