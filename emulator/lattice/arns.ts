/**
 * Ids, ARNs and DNS names of Lattice resources, in the formats of the AWS model
 * (`sn-` + 17 `[0-9a-z]`, `arn:aws:vpc-lattice:<region>:<account>:service/svc-…/listener/listener-…`).
 */
import { hashString, Rng } from '../core/rng';
import type { ResourceKind } from './types';

/** Id prefix per resource kind. */
export const ID_PREFIX: Record<ResourceKind, string> = {
  servicenetwork: 'sn',
  service: 'svc',
  listener: 'listener',
  rule: 'rule',
  targetgroup: 'tg',
  servicenetworkserviceassociation: 'snsa',
  servicenetworkvpcassociation: 'snva',
  accesslogsubscription: 'als',
  resourcegateway: 'rgw',
  resourceconfiguration: 'rcfg',
  servicenetworkresourceassociation: 'snra',
  resourceendpointassociation: 'rea',
  servicenetworkendpointassociation: 'snea',
  domainverification: 'dv',
};

/** Kinds whose ids the model spells in lowercase hex (`snra-[0-9a-f]{17}`, `dv-[a-fA-F0-9]{17}`). */
const HEX_IDS: ReadonlySet<ResourceKind> = new Set([
  'servicenetworkresourceassociation',
  'resourceendpointassociation',
  'servicenetworkendpointassociation',
  'domainverification',
]);

/** A new id of `kind` from the control-plane generator. */
export function newId(rng: Rng, kind: ResourceKind): string {
  return `${ID_PREFIX[kind]}-${HEX_IDS.has(kind) ? rng.chars(17, '0123456789abcdef') : rng.chars(17)}`;
}

/** The ARN of a resource. Listeners and rules need the ids of their parents. */
export function arnOf(
  region: string,
  accountId: string,
  kind: ResourceKind,
  id: string,
  parents: { serviceId?: string; listenerId?: string } = {},
): string {
  const base = `arn:aws:vpc-lattice:${region}:${accountId}:`;
  if (kind === 'listener') return `${base}service/${parents.serviceId}/listener/${id}`;
  if (kind === 'rule') return `${base}service/${parents.serviceId}/listener/${parents.listenerId}/rule/${id}`;
  return `${base}${kind}/${id}`;
}

/** The parts of a Lattice ARN. */
export interface ParsedArn {
  region: string;
  accountId: string;
  kind: ResourceKind;
  id: string;
  serviceId?: string;
  listenerId?: string;
}

const PREFIX = String.raw`^arn:aws[a-z-]*:vpc-lattice:([a-z0-9-]+):(\d{12}):`;
const KINDS = [
  'servicenetwork',
  'service',
  'targetgroup',
  'servicenetworkserviceassociation',
  'servicenetworkvpcassociation',
  'accesslogsubscription',
  'resourcegateway',
  'resourceconfiguration',
  'servicenetworkresourceassociation',
  'resourceendpointassociation',
  'domainverification',
].join('|');
const SIMPLE = new RegExp(`${PREFIX}(${KINDS})/([a-z]+-[0-9a-z]{17})$`);
const NESTED = new RegExp(
  `${PREFIX}service/(svc-[0-9a-z]{17})/listener/(listener-[0-9a-z]{17})(?:/rule/(rule-[0-9a-z]{17}))?$`,
);

/** Parses a Lattice ARN; undefined for anything else (other services, typos). */
export function parseArn(arn: string): ParsedArn | undefined {
  const simple = SIMPLE.exec(arn);
  if (simple) {
    const [, region, accountId, kind, id] = simple as unknown as [string, string, string, ResourceKind, string];
    return id.startsWith(`${ID_PREFIX[kind]}-`) ? { region, accountId, kind, id } : undefined;
  }
  const nested = NESTED.exec(arn);
  if (!nested) return undefined;
  const [, region, accountId, serviceId, listenerId, ruleId] = nested as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  return ruleId
    ? { region, accountId, kind: 'rule', id: ruleId, serviceId, listenerId }
    : { region, accountId, kind: 'listener', id: listenerId, serviceId };
}

/** The kind of a bare id (`svc-…` → service); undefined when the prefix is unknown. */
export function kindOfId(id: string): ResourceKind | undefined {
  const prefix = id.split('-')[0];
  return (Object.keys(ID_PREFIX) as ResourceKind[]).find((k) => ID_PREFIX[k] === prefix);
}

/** The DNS entry AWS assigns a service: `<name>-<17 hex>.<7 hex>.vpc-lattice-svcs.<region>.on.aws`. */
export function serviceDnsEntry(rng: Rng, name: string, region: string): { domainName: string; hostedZoneId: string } {
  const hex = '0123456789abcdef';
  const zone = new Rng(hashString(`lattice-zone:${region}`)).chars(13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
  return {
    domainName: `${name}-${rng.chars(17, hex)}.${rng.chars(7, hex)}.vpc-lattice-svcs.${region}.on.aws`,
    hostedZoneId: `Z${zone}`,
  };
}
