/**
 * A fingerprint of what the console could change in the e2e emulator, for "nothing was written"
 * checks: in every standard account, the Lattice services, listeners (default actions), rules
 * (priority, match, action with weights), the tags of services, listeners and rules, and the log
 * groups with their streams (an audit entry creates its group or a day's stream on first write).
 * Read through the real SDK with each account's own keys; log events are left out because the
 * traffic simulation keeps appending access logs.
 */
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  GetListenerCommand,
  GetRuleCommand,
  ListListenersCommand,
  ListRulesCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { STANDARD_ACCOUNTS } from '../../emulator/scenarios/accounts';
import { e2eServers } from './ports';

async function all<T>(
  page: (token: string | undefined) => Promise<{ items: T[]; next: string | undefined }>,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const r = await page(token);
    out.push(...r.items);
    token = r.next;
  } while (token);
  return out;
}

/** Everything the console may change, as one JSON string. */
export async function worldFingerprint(): Promise<string> {
  const endpoint = e2eServers().emulatorUrl;
  const world: Record<string, unknown> = {};
  for (const a of STANDARD_ACCOUNTS.slice(0, 3)) {
    const cfg = {
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey },
    };
    const lattice = new VPCLatticeClient(cfg);
    const logs = new CloudWatchLogsClient(cfg);
    const tags = async (arn: string | undefined) =>
      arn ? (await lattice.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags : undefined;
    const services = await all((t) =>
      lattice
        .send(new ListServicesCommand({ nextToken: t }))
        .then((r) => ({ items: r.items ?? [], next: r.nextToken })),
    );
    const owned = services.filter((s) => s.arn?.includes(`:${a.id}:`));
    world[a.id] = {
      services: await Promise.all(
        owned.map(async (s) => ({
          arn: s.arn,
          tags: await tags(s.arn),
          listeners: await Promise.all(
            (
              await all((t) =>
                lattice
                  .send(new ListListenersCommand({ serviceIdentifier: s.id, nextToken: t }))
                  .then((r) => ({ items: r.items ?? [], next: r.nextToken })),
              )
            ).map(async (l) => {
              const listener = await lattice.send(
                new GetListenerCommand({ serviceIdentifier: s.id, listenerIdentifier: l.id }),
              );
              const rules = await all((t) =>
                lattice
                  .send(new ListRulesCommand({ serviceIdentifier: s.id, listenerIdentifier: l.id, nextToken: t }))
                  .then((r) => ({ items: r.items ?? [], next: r.nextToken })),
              );
              return {
                arn: l.arn,
                defaultAction: listener.defaultAction,
                tags: await tags(l.arn),
                rules: await Promise.all(
                  rules.map(async (r) => {
                    const rule = await lattice.send(
                      new GetRuleCommand({ serviceIdentifier: s.id, listenerIdentifier: l.id, ruleIdentifier: r.id }),
                    );
                    return {
                      arn: rule.arn,
                      priority: rule.priority,
                      match: rule.match,
                      action: rule.action,
                      tags: await tags(rule.arn),
                    };
                  }),
                ),
              };
            }),
          ),
        })),
      ),
      logGroups: await Promise.all(
        (
          await all((t) =>
            logs
              .send(new DescribeLogGroupsCommand({ nextToken: t }))
              .then((r) => ({ items: r.logGroups ?? [], next: r.nextToken })),
          )
        ).map(async (g) => ({
          name: g.logGroupName,
          streams: (
            await all((t) =>
              logs
                .send(new DescribeLogStreamsCommand({ logGroupName: g.logGroupName, nextToken: t }))
                .then((r) => ({ items: r.logStreams ?? [], next: r.nextToken })),
            )
          )
            .map((s) => s.logStreamName)
            .sort(),
        })),
      ),
    };
    lattice.destroy();
    logs.destroy();
  }
  return JSON.stringify(world);
}
