/**
 * Errors as the browser may see them: the AWS error's own words, but never the console's account
 * configuration. Role ARNs (the console's member roles, and the assumed-role sessions AWS names in
 * AccessDenied messages) become "the console's role in account N"; configured ExternalIds are
 * blanked. The full error stays in the server's log line. Pure.
 */
import type { AccountConfig } from '../configAccounts';
import type { ErrorInfo } from '../domain/errors';

const ROLE_ARN = /arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]+/g;
const SESSION_ARN = /arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+/g;

function scrub(text: string, externalIds: readonly string[]): string {
  let out = text
    .replace(SESSION_ARN, "the console's session in account $1")
    .replace(ROLE_ARN, "the console's role in account $1");
  for (const id of externalIds) out = out.split(id).join('[external id]');
  return out;
}

/** `e` without role ARNs or ExternalIds (see module comment). */
export function toPublicError(e: ErrorInfo, accounts: readonly AccountConfig[] | undefined): ErrorInfo {
  // Short ExternalIds would blank ordinary words; AWS never echoes them anyway.
  const externalIds = (accounts ?? [])
    .map((a) => a.externalId)
    .filter((x): x is string => typeof x === 'string' && x.length >= 4);
  const out: ErrorInfo = { ...e, message: scrub(e.message, externalIds) };
  if (e.resource !== undefined) out.resource = scrub(e.resource, externalIds);
  return out;
}
