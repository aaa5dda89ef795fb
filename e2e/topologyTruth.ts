/**
 * What the emulator holds, read with the real AWS SDK exactly as a user would (hub keys, roles into
 * the member accounts): the truth the topology e2e tests compare the drawn graph with.
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import {
  GetListenerCommand,
  GetRuleCommand,
  ListListenersCommand,
  ListRulesCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  ListTargetGroupsCommand,
  ListTargetsCommand,
  VPCLatticeClient,
  type RuleAction,
} from '@aws-sdk/client-vpc-lattice';
import { DEMO_EXTERNAL_ID, STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';

/** A forward route of a service. */
export interface TruthRoute {
  serviceArn: string;
  targetGroupArn: string;
  weight: number;
  /** weight / sum of the action's weights. */
  share: number;
  /** The action forwards to more than one target group. */
  weighted: boolean;
}

/** One account's resources as its owner sees them. */
export interface TruthAccount {
  accountId: string;
  services: Array<{ arn: string; name: string }>;
  networks: Array<{ arn: string; name: string }>;
  targetGroups: Array<{ arn: string; name: string; statuses: Record<string, number> }>;
  routes: TruthRoute[];
  associations: Array<{ networkArn: string; serviceArn: string }>;
}

const REGION = 'us-east-1';

async function clientFor(endpoint: string, index: number): Promise<VPCLatticeClient> {
  const a = STANDARD_ACCOUNTS[index]!;
  const hub = STANDARD_ACCOUNTS[0]!;
  const base = {
    endpoint,
    region: REGION,
    credentials: { accessKeyId: hub.accessKeyId, secretAccessKey: hub.secretAccessKey },
  };
  if (index === 0) return new VPCLatticeClient(base);
  const out = await new STSClient(base).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${a.id}:role/TrellisReadOnly`,
      RoleSessionName: 'e2e-truth',
      ExternalId: DEMO_EXTERNAL_ID,
    }),
  );
  const c = out.Credentials!;
  return new VPCLatticeClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
  });
}

const owned = (arn: string | undefined, accountId: string) => arn !== undefined && arn.split(':')[4] === accountId;

function forwards(
  serviceArn: string,
  action: RuleAction | undefined,
  tgArnOf: (idOrArn: string) => string,
): TruthRoute[] {
  const tgs = action?.forward?.targetGroups ?? [];
  const sum = tgs.reduce((s, t) => s + (t.weight ?? 0), 0);
  return tgs.map((t) => ({
    serviceArn,
    targetGroupArn: tgArnOf(t.targetGroupIdentifier!),
    weight: t.weight ?? 0,
    share: sum ? (t.weight ?? 0) / sum : 0,
    weighted: tgs.length > 1,
  }));
}

/** Reads the standard accounts' owned resources (services, networks, target groups with target health, routes). */
export async function latticeTruth(endpoint: string, accounts = 3): Promise<TruthAccount[]> {
  const out: TruthAccount[] = [];
  for (let i = 0; i < accounts; i++) {
    const accountId = STANDARD_ACCOUNTS[i]!.id;
    const c = await clientFor(endpoint, i);
    const services = ((await c.send(new ListServicesCommand({ maxResults: 100 }))).items ?? [])
      .filter((s) => owned(s.arn, accountId))
      .map((s) => ({ arn: s.arn!, name: s.name! }));
    const networks = ((await c.send(new ListServiceNetworksCommand({ maxResults: 100 }))).items ?? [])
      .filter((n) => owned(n.arn, accountId))
      .map((n) => ({ arn: n.arn!, name: n.name! }));
    const tgItems = ((await c.send(new ListTargetGroupsCommand({ maxResults: 100 }))).items ?? []).filter((t) =>
      owned(t.arn, accountId),
    );
    const byId = new Map(tgItems.map((t) => [t.id!, t.arn!]));
    const tgArnOf = (x: string) => byId.get(x) ?? x;
    const targetGroups = [];
    for (const t of tgItems) {
      const statuses: Record<string, number> = {};
      for (const target of (await c.send(new ListTargetsCommand({ targetGroupIdentifier: t.arn!, maxResults: 100 })))
        .items ?? [])
        statuses[target.status!] = (statuses[target.status!] ?? 0) + 1;
      targetGroups.push({ arn: t.arn!, name: t.name!, statuses });
    }
    const routes: TruthRoute[] = [];
    for (const s of services) {
      for (const l of (await c.send(new ListListenersCommand({ serviceIdentifier: s.arn, maxResults: 100 }))).items ??
        []) {
        const listener = await c.send(new GetListenerCommand({ serviceIdentifier: s.arn, listenerIdentifier: l.arn! }));
        routes.push(...forwards(s.arn, listener.defaultAction, tgArnOf));
        for (const r of (
          await c.send(new ListRulesCommand({ serviceIdentifier: s.arn, listenerIdentifier: l.arn!, maxResults: 100 }))
        ).items ?? []) {
          if (r.isDefault) continue;
          const rule = await c.send(
            new GetRuleCommand({ serviceIdentifier: s.arn, listenerIdentifier: l.arn!, ruleIdentifier: r.arn! }),
          );
          routes.push(...forwards(s.arn, rule.action, tgArnOf));
        }
      }
    }
    const associations = [];
    for (const n of networks) {
      for (const a of (
        await c.send(
          new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: n.arn, maxResults: 100 }),
        )
      ).items ?? [])
        associations.push({ networkArn: n.arn, serviceArn: a.serviceArn! });
    }
    out.push({ accountId, services, networks, targetGroups, routes, associations });
  }
  return out;
}

/** The health colour the console must show for a target group's statuses. */
export function expectedHealth(statuses: Record<string, number>, routed: boolean): 'error' | 'warn' | 'ok' | 'unknown' {
  const n = (s: string) => statuses[s] ?? 0;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  if (total === 0) return routed ? 'error' : 'unknown';
  if (n('UNHEALTHY') > 0) return 'error';
  if (n('UNUSED') === total) return 'unknown';
  if (n('HEALTHY') + n('UNAVAILABLE') === 0) return 'error';
  if (n('DRAINING') + n('INITIAL') > 0) return 'warn';
  return n('HEALTHY') > 0 ? 'ok' : 'unknown';
}
