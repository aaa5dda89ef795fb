/**
 * Domain verifications: proof that an account owns a domain, for the custom domain names of resource
 * configurations. StartDomainVerification returns the TXT record to create; the status is PENDING
 * until the record is found (the emulator has no DNS: the control API marks it VERIFIED), and turns
 * VERIFICATION_TIMED_OUT after `verificationTimeoutMs`. At most `domainVerificationsPerRegion` per
 * account and Region (5 by default, Quotas for Amazon VPC Lattice).
 */
import { conflict, quotaExceeded } from '../errors';
import type { DomainVerificationRecord } from '../types';
import { idempotent, newRecord, paginate, requireOwner, resolve, type Env, type Handler, type Output } from './common';

/** Quota code of "Domain Verifications per AWS Region" (Service Quotas). */
export const DOMAIN_VERIFICATIONS_QUOTA = 'L-73D0F278';

const HEX = '0123456789abcdef';

function view(env: Env, dv: DomainVerificationRecord): Output {
  env.store.settleVerification(dv, env.now);
  return { ...dv };
}

function resolveVerification(env: Env, identifier: string): DomainVerificationRecord {
  const dv = resolve(env, 'domainverification', identifier);
  requireOwner(env, dv);
  return dv;
}

const start: Handler = (env, input) =>
  idempotent(env, input, 'DOMAIN_VERIFICATION', () => {
    const domainName = (input.domainName as string).toLowerCase().replace(/\.$/, '');
    const mine = env.store.all('domainverification', env.region).filter((d) => d.accountId === env.account);
    const same = mine.find((d) => d.domainName === domainName);
    if (same)
      throw conflict(
        'DOMAIN_VERIFICATION',
        same.id,
        `A domain verification for ${domainName} already exists in account ${env.account} (${same.id})`,
      );
    if (mine.length >= env.store.quotas.domainVerificationsPerRegion)
      throw quotaExceeded(
        'DOMAIN_VERIFICATION',
        DOMAIN_VERIFICATIONS_QUOTA,
        `Account ${env.account} already has ${mine.length} domain verifications in ${env.region}`,
      );
    const dv: DomainVerificationRecord = {
      ...newRecord(env, 'domainverification', input.tags),
      domainName,
      status: 'PENDING',
      txtMethodConfig: {
        name: `_vpc-lattice-verification.${domainName}`,
        value: `vpc-lattice-domain-verification=${env.state.rng.chars(32, HEX)}`,
      },
    };
    env.store.put('domainverification', dv);
    return view(env, dv);
  });

const get: Handler = (env, input) => view(env, resolveVerification(env, input.domainVerificationIdentifier as string));

const list: Handler = (env, input) => {
  const mine = env.store.all('domainverification', env.region).filter((d) => d.accountId === env.account);
  const page = paginate(env, input, [], mine, (d) => `${d.domainName}|${d.id}`);
  return { items: page.items.map((d) => view(env, d)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const remove: Handler = (env, input) => {
  const dv = resolveVerification(env, input.domainVerificationIdentifier as string);
  env.store.remove('domainverification', dv.id);
  // Configurations keep their custom domain name; they lose the proof of ownership.
  for (const rc of env.store.all('resourceconfiguration').filter((r) => r.domainVerificationId === dv.id))
    delete rc.domainVerificationId;
  return {};
};

/** Handlers by operation name. */
export const domainVerificationHandlers: Record<string, Handler> = {
  StartDomainVerification: start,
  GetDomainVerification: get,
  ListDomainVerifications: list,
  DeleteDomainVerification: remove,
};
