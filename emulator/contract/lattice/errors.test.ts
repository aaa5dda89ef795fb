/** Contract tests: every error class of the Lattice API, as the real SDK sees it (class, status, fields). */
import {
  AccessDeniedException,
  ConflictException,
  CreateListenerCommand,
  CreateResourceGatewayCommand,
  CreateRuleCommand,
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  GetServiceCommand,
  InternalServerException,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServicesCommand,
  RegisterTargetsCommand,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  UpdateServiceCommand,
  ValidationException,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { caught, ipTargetGroup, service, serviceWithListener, uniqueName } from './helpers';
import { rawRequest } from './raw';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function validation(p: Promise<unknown>): Promise<ValidationException> {
  const e = await caught(p);
  expect(e).toBeInstanceOf(ValidationException);
  expect(e.$metadata.httpStatusCode).toBe(400);
  return e as ValidationException;
}

describe('ValidationException', () => {
  it('names each failing field in fieldList (weight, target-group count, priority, name, maxResults)', async () => {
    const c = h.lattice();
    const { svc, listener, tg } = await serviceWithListener(c);
    const match = { httpMatch: { pathMatch: { match: { prefix: '/x' } } } };
    const weight = await validation(
      c.send(
        new CreateRuleCommand({
          serviceIdentifier: svc,
          listenerIdentifier: listener,
          name: 'heavy',
          priority: 5,
          match,
          action: { forward: { targetGroups: [{ targetGroupIdentifier: tg, weight: 1000 }] } },
        }),
      ),
    );
    expect(weight.reason).toBe('fieldValidationFailed');
    expect(weight.fieldList).toEqual([
      { name: 'action.forward.targetGroups[0].weight', message: 'Member must have value less than or equal to 999' },
    ]);
    const eleven = Array.from({ length: 11 }, () => ({ targetGroupIdentifier: tg, weight: 1 }));
    const many = await validation(
      c.send(
        new CreateRuleCommand({
          serviceIdentifier: svc,
          listenerIdentifier: listener,
          name: 'wide',
          priority: 5,
          match,
          action: { forward: { targetGroups: eleven } },
        }),
      ),
    );
    expect(many.fieldList?.[0]).toEqual({
      name: 'action.forward.targetGroups',
      message: 'Member must have length less than or equal to 10',
    });
    const prio = await validation(
      c.send(
        new CreateRuleCommand({
          serviceIdentifier: svc,
          listenerIdentifier: listener,
          name: 'zero',
          priority: 0,
          match,
          action: { fixedResponse: { statusCode: 404 } },
        }),
      ),
    );
    expect(prio.fieldList?.map((f) => f.name)).toEqual(['priority']);
    const name = await validation(c.send(new CreateServiceCommand({ name: 'Bad--Name' })));
    expect(name.fieldList?.[0]?.name).toBe('name');
    expect(name.message).toContain("Value 'Bad--Name' at 'name' failed to satisfy constraint");
    const max = await validation(c.send(new ListServicesCommand({ maxResults: 101 })));
    expect(max.fieldList).toEqual([
      { name: 'maxResults', message: 'Member must have value less than or equal to 100' },
    ]);
  });

  it('answers cannotParse for malformed JSON and wrong JSON types', async () => {
    const bad = await rawRequest(h.emu.url, 'POST', '/services', { body: '{"name": "x",' });
    expect(bad.status).toBe(400);
    expect(bad.headers['x-amzn-errortype']).toBe('ValidationException');
    expect(bad.json()).toMatchObject({ reason: 'cannotParse' });
    const typed = await rawRequest(h.emu.url, 'POST', '/services', { body: JSON.stringify({ name: 42 }) });
    expect(typed.json()).toMatchObject({
      reason: 'cannotParse',
      fieldList: [{ name: 'name', message: 'Member must be a string' }],
    });
    const query = await rawRequest(h.emu.url, 'GET', '/services?maxResults=ten');
    expect(query.json()).toMatchObject({ reason: 'cannotParse' });
  });

  it('checks what the model cannot express: a resource gateway needs subnets', async () => {
    const e = await validation(
      h.lattice().send(new CreateResourceGatewayCommand({ name: 'gw-one', vpcIdentifier: 'vpc-0123456789abcdef0' })),
    );
    expect(e.reason).toBe('fieldValidationFailed');
    expect(e.fieldList?.[0]?.name).toBe('subnetIds');
  });
});

describe('other errors', () => {
  it('ResourceNotFoundException carries resourceId and resourceType', async () => {
    const e = await caught(h.lattice().send(new GetServiceCommand({ serviceIdentifier: 'svc-0000000000000000a' })));
    expect(e).toBeInstanceOf(ResourceNotFoundException);
    expect(e).toMatchObject({ resourceId: 'svc-0000000000000000a', resourceType: 'SERVICE' });
  });

  it('ConflictException carries resourceId and resourceType (duplicate name)', async () => {
    const c = h.lattice();
    const name = uniqueName('dup');
    const first = await c.send(new CreateServiceNetworkCommand({ name }));
    const e = await caught(c.send(new CreateServiceNetworkCommand({ name })));
    expect(e).toBeInstanceOf(ConflictException);
    expect(e.$metadata.httpStatusCode).toBe(409);
    expect(e).toMatchObject({ resourceId: first.id, resourceType: 'SERVICE_NETWORK' });
  });

  it('ServiceQuotaExceededException (402) for a third listener, too many services and target groups', async () => {
    const c = h.lattice();
    const svc = await service(c);
    const tg = await ipTargetGroup(c);
    const action = { forward: { targetGroups: [{ targetGroupIdentifier: tg.id }] } };
    await c.send(
      new CreateListenerCommand({ serviceIdentifier: svc.id, name: 'one', protocol: 'HTTP', defaultAction: action }),
    );
    await c.send(
      new CreateListenerCommand({ serviceIdentifier: svc.id, name: 'two', protocol: 'HTTPS', defaultAction: action }),
    );
    const e = await caught(
      c.send(
        new CreateListenerCommand({
          serviceIdentifier: svc.id,
          name: 'three',
          protocol: 'HTTP',
          port: 8080,
          defaultAction: action,
        }),
      ),
    );
    expect(e).toBeInstanceOf(ServiceQuotaExceededException);
    expect(e.$metadata.httpStatusCode).toBe(402);
    expect(e).toMatchObject({ resourceType: 'LISTENER', serviceCode: 'vpc-lattice', quotaCode: 'L-D64E952E' });

    const quotas = h.emu.state.lattice.quotas;
    const saved = { ...quotas };
    try {
      quotas.servicesPerRegion = h.emu.state.lattice
        .all('service')
        .filter((s) => s.accountId === '111111111111').length;
      expect(await caught(c.send(new CreateServiceCommand({ name: uniqueName('over') })))).toBeInstanceOf(
        ServiceQuotaExceededException,
      );
      quotas.targetGroupsPerService = 1;
      const other = await ipTargetGroup(c);
      const listeners = h.emu.state.lattice.listenersOf(svc.id);
      const tooMany = await caught(
        c.send(
          new CreateRuleCommand({
            serviceIdentifier: svc.id,
            listenerIdentifier: listeners[0]!.id,
            name: 'more',
            priority: 3,
            match: { httpMatch: { method: 'GET' } },
            action: { forward: { targetGroups: [{ targetGroupIdentifier: other.id }] } },
          }),
        ),
      );
      expect(tooMany).toMatchObject({ name: 'ServiceQuotaExceededException', resourceType: 'TARGET_GROUP' });
    } finally {
      Object.assign(quotas, saved);
    }
  });

  it('ServiceQuotaExceededException for the 11th rule of a listener and targets beyond the group quota', async () => {
    const c = h.lattice();
    const { svc, listener, tg } = await serviceWithListener(c);
    for (let p = 1; p <= 10; p++) {
      await c.send(
        new CreateRuleCommand({
          serviceIdentifier: svc,
          listenerIdentifier: listener,
          name: `r${p}-path`,
          priority: p,
          match: { httpMatch: { pathMatch: { match: { exact: `/p${p}` } } } },
          action: { fixedResponse: { statusCode: 200 } },
        }),
      );
    }
    const e = await caught(
      c.send(
        new CreateRuleCommand({
          serviceIdentifier: svc,
          listenerIdentifier: listener,
          name: 'eleventh',
          priority: 11,
          match: { httpMatch: { method: 'GET' } },
          action: { fixedResponse: { statusCode: 200 } },
        }),
      ),
    );
    expect(e).toMatchObject({
      name: 'ServiceQuotaExceededException',
      resourceType: 'RULE',
      serviceCode: 'vpc-lattice',
    });
    const quotas = h.emu.state.lattice.quotas;
    const saved = quotas.targetsPerTargetGroup;
    try {
      quotas.targetsPerTargetGroup = 2;
      const t = await caught(
        c.send(
          new RegisterTargetsCommand({
            targetGroupIdentifier: tg,
            targets: [{ id: '10.0.0.1' }, { id: '10.0.0.2' }, { id: '10.0.0.3' }],
          }),
        ),
      );
      expect(t).toMatchObject({ name: 'ServiceQuotaExceededException', resourceType: 'TARGET' });
    } finally {
      quotas.targetsPerTargetGroup = saved;
    }
  });

  it('association lists need a filter and access-log lists a resource (ValidationException)', async () => {
    const c = h.lattice();
    expect(await caught(c.send(new ListServiceNetworkVpcAssociationsCommand({})))).toBeInstanceOf(ValidationException);
    expect(await caught(c.send(new ListServiceNetworkServiceAssociationsCommand({})))).toBeInstanceOf(
      ValidationException,
    );
    const raw = await rawRequest(h.emu.url, 'GET', '/accesslogsubscriptions');
    expect(raw.status).toBe(400);
    expect(raw.json()).toMatchObject({
      reason: 'fieldValidationFailed',
      fieldList: [{ name: 'resourceIdentifier', message: 'Member must not be null' }],
    });
  });

  it('AccessDeniedException (403) when mutating a resource of another account', async () => {
    const svc = await service(h.lattice());
    await h.control('POST', '/shares', { resourceArn: svc.arn, accounts: ['333333333333'] });
    const e = await caught(
      h.lattice(h.creds(2)).send(new UpdateServiceCommand({ serviceIdentifier: svc.arn, authType: 'AWS_IAM' })),
    );
    expect(e).toBeInstanceOf(AccessDeniedException);
    expect(e.$metadata.httpStatusCode).toBe(403);
  });

  it('ThrottlingException (429) with Retry-After when a rate limit is exceeded', async () => {
    await h.control('POST', '/rate-limits', {
      account: '222222222222',
      service: 'vpc-lattice',
      ratePerSecond: 0.001,
      burst: 1,
    });
    try {
      const c = h.lattice(h.creds(1));
      await c.send(new ListServicesCommand({}));
      const e = await caught(c.send(new ListServicesCommand({})));
      expect(e).toBeInstanceOf(ThrottlingException);
      expect(e.$metadata.httpStatusCode).toBe(429);
      expect(e.$retryable).toEqual({ throttling: true });
      expect((e as ThrottlingException).retryAfterSeconds).toBeGreaterThanOrEqual(1);
      const raw = await rawRequest(h.emu.url, 'GET', '/services', { accessKeyId: 'AKIATRELLISPAY000001' });
      expect(raw.status).toBe(429);
      expect(Number(raw.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(raw.headers['x-amzn-errortype']).toBe('ThrottlingException');
    } finally {
      await h.control('DELETE', '/rate-limits');
    }
  });

  it('injected faults answer the error the model declares (InternalServerException 500)', async () => {
    await h.control('POST', '/faults', {
      service: 'vpc-lattice',
      operation: 'ListServices',
      account: '333333333333',
      errorRate: 1,
      errorCode: 'InternalServerException',
    });
    try {
      const e = await caught(h.lattice(h.creds(2)).send(new ListServicesCommand({})));
      expect(e).toBeInstanceOf(InternalServerException);
      expect(e.$metadata.httpStatusCode).toBe(500);
    } finally {
      await h.control('DELETE', '/faults');
    }
  });

  it('unknown routes answer UnknownOperationException (404)', async () => {
    const r = await rawRequest(h.emu.url, 'GET', '/no/such/route');
    expect(r.status).toBe(404);
    expect(r.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(String(r.json().message)).toContain('/no/such/route');
    const wrongMethod = await rawRequest(h.emu.url, 'PUT', '/services');
    expect(wrongMethod.headers['x-amzn-errortype']).toBe('UnknownOperationException');
  });
});

describe('idempotency', () => {
  it('a retry with the same clientToken and parameters gets the same resource; other parameters conflict', async () => {
    const c = h.lattice();
    const name = uniqueName('idem');
    const a = await c.send(new CreateServiceCommand({ name, clientToken: 'token-1' }));
    const b = await c.send(new CreateServiceCommand({ name, clientToken: 'token-1' }));
    expect(b.id).toBe(a.id);
    expect(h.emu.state.lattice.all('service').filter((s) => s.name === name)).toHaveLength(1);
    const e = await caught(c.send(new CreateServiceCommand({ name: uniqueName('idem'), clientToken: 'token-1' })));
    expect(e).toBeInstanceOf(ConflictException);
    expect(e).toMatchObject({ resourceId: a.arn, resourceType: 'SERVICE' });
  });
});
