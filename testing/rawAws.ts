/**
 * For integration tests of lib/*: raw SDK calls against the emulator, to seed data and to check what
 * the app did independently of its own gateways. Only lib/aws may import the SDK in app code; tests
 * reach it through these helpers.
 */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  GetQueryResultsCommand,
  PutLogEventsCommand,
  StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateServiceCommand,
  GetRuleCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  UpdateRuleCommand,
} from '@aws-sdk/client-vpc-lattice';
import type { Harness } from '../emulator/contract/harness';

/** Credentials of an account: the hub's own keys, a member through its operator role. */
async function credsOf(h: Harness, accountId: string) {
  return accountId === '111111111111' ? h.creds(0) : h.assume(accountId);
}

/** The ARN of a demo service by name, listed with the credentials of its account (index in STANDARD_ACCOUNTS). */
export async function serviceArnByName(h: Harness, name: string, account = 1): Promise<string> {
  const out = await h.lattice(h.creds(account)).send(new ListServicesCommand({ maxResults: 100 }));
  const arn = out.items?.find((s) => s.name === name)?.arn;
  if (!arn) throw new Error(`no service ${name}`);
  return arn;
}

/** The tags of a Lattice resource, read with the credentials of the account that owns it. */
export async function tagsOf(h: Harness, arn: string, accountId: string): Promise<Record<string, string>> {
  const out = await h.lattice(await credsOf(h, accountId)).send(new ListTagsForResourceCommand({ resourceArn: arn }));
  return out.tags ?? {};
}

/** Creates a service in the hub account; returns its ARN. */
export async function createService(h: Harness, name: string): Promise<string> {
  const out = await h.lattice().send(new CreateServiceCommand({ name }));
  return out.arn ?? '';
}

/** The forward weights of a rule as the API returns them (read with the owner's keys, by default account index 1). */
export async function ruleWeights(
  h: Harness,
  ids: { serviceArn: string; listenerArn: string; ruleArn: string },
  account = 1,
): Promise<number[] | undefined> {
  const read = await h.lattice(h.creds(account)).send(
    new GetRuleCommand({
      serviceIdentifier: ids.serviceArn,
      listenerIdentifier: ids.listenerArn,
      ruleIdentifier: ids.ruleArn,
    }),
  );
  return read.action?.forward?.targetGroups?.map((t) => t.weight ?? 0);
}

/** Sets the forward weights of a rule from outside Trellis with the owner's keys (default: account index 1). */
export async function setRuleWeights(
  h: Harness,
  ids: { serviceArn: string; listenerArn: string; ruleArn: string },
  targetGroupArns: readonly string[],
  weights: readonly number[],
  owner: number | string = 1,
): Promise<void> {
  await h.lattice(h.creds(owner)).send(
    new UpdateRuleCommand({
      serviceIdentifier: ids.serviceArn,
      listenerIdentifier: ids.listenerArn,
      ruleIdentifier: ids.ruleArn,
      action: {
        forward: {
          targetGroups: targetGroupArns.map((arn, i) => ({ targetGroupIdentifier: arn, weight: weights[i] })),
        },
      },
    }),
  );
}

/** Creates a log group in an account, with a stream `s` holding `events` when there are any. */
export async function seedLogGroup(
  h: Harness,
  accountId: string,
  group: string,
  events: Array<{ timestamp: number; message: string }> = [],
): Promise<void> {
  const logs = h.logs(await credsOf(h, accountId));
  await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  if (events.length === 0) return;
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's' }));
  await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 's', logEvents: events }));
}

/** Runs a Logs Insights query directly and returns the number in column `n` of its first row. */
export async function countDirectly(
  h: Harness,
  where: { accountId: string; group: string },
  queryString: string,
  startMs: number,
  endMs: number,
): Promise<number> {
  const logs = h.logs(await credsOf(h, where.accountId));
  const { queryId } = await logs.send(
    new StartQueryCommand({
      logGroupName: where.group,
      startTime: Math.floor(startMs / 1000),
      endTime: Math.ceil(endMs / 1000),
      queryString,
    }),
  );
  for (;;) {
    const r = await logs.send(new GetQueryResultsCommand({ queryId }));
    if (r.status === 'Complete') return Number(r.results?.[0]?.find((f) => f.field === 'n')?.value ?? 0);
    if (r.status !== 'Running' && r.status !== 'Scheduled') throw new Error(`query ${r.status}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}
