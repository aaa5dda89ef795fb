/**
 * The `fleet` scenario: a large organisation for scale tests and benchmarks. By default 5 accounts
 * (the standard three first, so the demo roles exist), 600 services, 1,800 target groups and 18,000
 * targets. The hub owns the shared meshes (one per 250 services, shared with every account); every
 * other account owns a private network too. Services are spread round-robin over the accounts, each
 * with an HTTPS listener and 0–3 rules (path, header, method, weighted canaries), every fifth with a
 * second listener; three target groups per service (IP, some INSTANCE), a few percent of targets
 * UNHEALTHY / DRAINING / INITIAL; VPC associations; access-log subscriptions on networks and on
 * every fourth service; resource configurations in proportion (fleetResources.ts). Built through the
 * Lattice API handlers (lattice/build.ts) in seconds, deterministic under the seed.
 *
 * Params (`/_emulator/reset {"scenario":"fleet","params":{...}}`): `accounts` (1–50), `services`,
 * `targetGroups` (1–10 per service), `targets` (≤ 100 per target group), `resourceConfigurations`
 * (default: one per ten services).
 */
import { z } from 'zod';
import { ControlError } from '../control/router';
import type { Rng } from '../core/rng';
import {
  buildLattice,
  type AccountBuild,
  type ListenerSpec,
  type RuleSpec,
  type ServiceSpec,
  type TargetGroupSpec,
  type TargetSpec,
} from '../lattice/build';
import type { EmulatorState } from '../state';
import { addAccounts, generatedAccounts, type ScenarioAccount } from './accounts';
import { createAccessLogGroups } from '../traffic/demoTraffic';
import { addFleetResources } from './fleetResources';

const REGION = 'us-east-1';
const HEX = '0123456789abcdef';
const DOMAINS = [
  'orders',
  'billing',
  'catalog',
  'search',
  'auth',
  'profile',
  'inventory',
  'shipping',
  'pricing',
  'reviews',
  'ledger',
  'notify',
];

const paramsSchema = z
  .object({
    accounts: z.number().int().min(1).max(50).default(5),
    services: z.number().int().min(0).max(20_000).default(600),
    targetGroups: z.number().int().min(0).max(60_000).default(1_800),
    targets: z.number().int().min(0).max(1_000_000).default(18_000),
    resourceConfigurations: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .refine((p) => p.services === 0 || (p.targetGroups >= p.services && p.targetGroups <= p.services * 10), {
    message: 'targetGroups must be 1 to 10 per service (the quota of target groups per service)',
  })
  // RegisterTargets takes 100 targets per call, and the scenario registers each group in one call.
  .refine((p) => p.targets <= p.targetGroups * 100, { message: 'at most 100 targets per target group' })
  .refine((p) => p.services / p.accounts <= 2000, { message: 'at most 2000 services per account (the Region quota)' });

/** Parameters of the fleet. */
export type FleetParams = z.infer<typeof paramsSchema>;

/** Parses the reset params; a 400 naming the problem otherwise. */
export function fleetParams(raw: Record<string, unknown>): FleetParams {
  const r = paramsSchema.safeParse(raw);
  if (!r.success)
    throw new ControlError(
      400,
      `fleet params: ${r.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ')}`,
    );
  return r.data;
}

/** `total` split into `parts` near-equal integers (the first ones get the remainder). */
function spread(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

/** Unique private addresses: 10.a.b.c with c in 1–250. */
function ipOf(n: number): string {
  return `10.${Math.floor(n / 62_500) % 250}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

function targetsFor(rng: Rng, type: 'IP' | 'INSTANCE', first: number, n: number): TargetSpec[] {
  return Array.from({ length: n }, (_, k) => {
    const id = type === 'IP' ? ipOf(first + k) : `i-${rng.chars(17, HEX)}`;
    const roll = rng.next();
    const force: TargetSpec['force'] =
      roll < 0.03
        ? { status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' }
        : roll < 0.04
          ? { status: 'DRAINING', reasonCode: 'Target.DeregistrationInProgress' }
          : roll < 0.05
            ? { status: 'INITIAL', reasonCode: 'Elb.RegistrationInProgress' }
            : undefined;
    return { id, ...(force ? { force } : {}) };
  });
}

function rulesFor(i: number, tgs: string[]): RuleSpec[] {
  const [a, b, c] = [tgs[0]!, tgs[1] ?? tgs[0]!, tgs[2] ?? tgs[0]!];
  const all: RuleSpec[] = [
    {
      name: 'v2-canary',
      priority: 10,
      match: { httpMatch: { pathMatch: { match: { prefix: '/v2/' } } } },
      action: {
        forward: [
          [a, 90],
          [b, 10],
        ],
      },
    },
    {
      name: 'debug-header',
      priority: 20,
      match: { httpMatch: { headerMatches: [{ name: 'x-debug', match: { exact: 'true' } }] } },
      action: { forward: [[c, 100]] },
    },
    { name: 'writes', priority: 30, match: { httpMatch: { method: 'POST' } }, action: { forward: [[b, 100]] } },
  ];
  return all.slice(0, i % 4);
}

/** Builds the fleet world. */
export function fleetScenario(state: EmulatorState, raw: Record<string, unknown>): void {
  const p = fleetParams(raw);
  const accounts: ScenarioAccount[] = generatedAccounts(p.accounts);
  addAccounts(state, accounts);
  const rng = state.rng.fork('fleet');
  const vpc = () => `vpc-${rng.chars(17, HEX)}`;
  const logGroup = (account: string, name: string) =>
    `arn:aws:logs:${REGION}:${account}:log-group:/aws/vpc-lattice/${name}`;
  const others = accounts.slice(1).map((a) => a.id);
  const meshes = Array.from({ length: Math.max(1, Math.ceil(p.services / 250)) }, (_, k) => `mesh-${k}`);

  const builds: AccountBuild[] = accounts.map((a, ai) => ({
    accountId: a.id,
    networks: [
      ...(ai === 0
        ? meshes.map((name) => ({
            name,
            authType: 'AWS_IAM' as const,
            authPolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: '*', Action: 'vpc-lattice-svcs:Invoke', Resource: '*' }],
            },
            shareWith: others,
            accessLogDestination: logGroup(a.id, name),
          }))
        : []),
      ...(ai > 0 ? [{ name: `${a.name}-private`, accessLogDestination: logGroup(a.id, `${a.name}-private`) }] : []),
    ],
    targetGroups: [],
    services: [],
    vpcAssociations: [
      { network: meshes[ai % meshes.length]!, vpcId: vpc() },
      ...(ai > 0 ? [{ network: `${a.name}-private`, vpcId: vpc() }] : []),
    ],
  }));

  let tgIndex = 0;
  let targetIndex = 0;
  let targetsLeft = p.targets;
  let tgsLeft = p.targetGroups;
  for (let i = 0; i < p.services; i++) {
    const ai = i % accounts.length;
    const account = accounts[ai]!;
    const build = builds[ai]!;
    // Features vary with the index within the account, so every account gets its share of them.
    const j = Math.floor(i / accounts.length);
    const name = `${DOMAINS[i % DOMAINS.length]}-${String(i).padStart(4, '0')}`;
    const tgCount = spread(p.targetGroups, p.services, i);
    const tgNames: string[] = [];
    for (let k = 0; k < tgCount; k++) {
      const type = tgIndex % 10 === 9 ? 'INSTANCE' : 'IP';
      const n = Math.round(targetsLeft / tgsLeft);
      targetsLeft -= n;
      tgsLeft -= 1;
      const tg: TargetGroupSpec = {
        name: `${name}-tg-${k}`,
        type,
        config: { port: 8080, protocol: 'HTTP', vpcIdentifier: `vpc-fleet${String(ai).padStart(12, '0')}` },
        targets: targetsFor(rng, type, targetIndex, n),
      };
      tgIndex += 1;
      targetIndex += n;
      build.targetGroups!.push(tg);
      tgNames.push(tg.name);
    }
    const rules = rulesFor(i, tgNames);
    // Groups no rule forwards to get a share of the default action, so none of them is UNUSED.
    const routed = new Set(rules.flatMap((r) => ('forward' in r.action ? r.action.forward.map(([n]) => n) : [])));
    const spare = tgNames.slice(1).filter((n) => !routed.has(n));
    const defaultAction = {
      forward: [
        [tgNames[0]!, 100 - 10 * spare.length] as [string, number],
        ...spare.map((n) => [n, 10] as [string, number]),
      ],
    };
    const listeners: ListenerSpec[] = [{ name: 'https', protocol: 'HTTPS', defaultAction, rules }];
    if (j % 5 === 0)
      listeners.push({
        name: 'http',
        protocol: 'HTTP',
        defaultAction: { fixedResponse: 404 },
        rules: [
          {
            name: 'health',
            priority: 1,
            match: { httpMatch: { pathMatch: { match: { exact: '/health' } } } },
            action: { forward: [[tgNames[0]!, 100]] },
          },
        ],
      });
    const networks = [meshes[j % meshes.length]!, ...(ai > 0 && j % 3 === 0 ? [`${account.name}-private`] : [])];
    const svc: ServiceSpec = {
      name,
      tags: { team: DOMAINS[i % DOMAINS.length]! },
      listeners,
      networks,
      ...(j % 4 === 0 ? { accessLogDestination: logGroup(account.id, name) } : {}),
    };
    build.services!.push(svc);
  }
  const built = buildLattice(state, REGION, builds);
  const meshArns = meshes.map((m) => built.networks.get(m)!);
  const resourceConfigurations = p.resourceConfigurations ?? Math.round(p.services / 10);
  addFleetResources(state, state.rng.fork('fleet-resources'), accounts, meshArns, resourceConfigurations);
  // The access-log destinations exist (empty: the fleet has no simulated traffic), as they would in AWS.
  createAccessLogGroups(state, state.clock.now());
}
