/**
 * What the editor may change on a listener, by protocol. A TLS_PASSTHROUGH listener does not
 * terminate TLS: Lattice cannot see paths, headers or methods, so it has no rules — only its default
 * action, which forwards the encrypted stream to TCP target groups (no fixed response). Pure and
 * client-safe: the editor hides what is impossible and says why; the write path refuses it again.
 */
import type { RuleAction } from '../domain/routing';

/** The protocol of a TLS passthrough listener. */
export const TLS_PASSTHROUGH = 'TLS_PASSTHROUGH';

/** What a listener allows. */
export interface ListenerLimits {
  /** Rules can be added or edited (else: default action only). */
  rules: boolean;
  /** The default action may be a fixed response. */
  fixedResponse: boolean;
  /** Why something is not allowed, in words for the editor. */
  reason?: string;
}

/** Why a TLS passthrough listener has a default action only. */
export const PASSTHROUGH_REASON =
  'This is a TLS passthrough listener: Lattice does not decrypt the traffic, so it cannot match paths, ' +
  'headers or methods. It has no rules — only its default action, which forwards to TCP target groups ' +
  '(by SNI on the service’s custom domain). Change the weights of the default action instead.';

/** The limits of a listener of `protocol`. */
export function listenerLimits(protocol: string | undefined): ListenerLimits {
  if (protocol === TLS_PASSTHROUGH) return { rules: false, fixedResponse: false, reason: PASSTHROUGH_REASON };
  return { rules: true, fixedResponse: true };
}

/** Why a change of `kind` (with the default action `action`) is not allowed on a `protocol` listener, if it is not. */
export function refusalFor(
  protocol: string | undefined,
  kind: 'updateRule' | 'createRule' | 'batchUpdate' | 'deleteRule' | 'updateDefault',
  action?: RuleAction,
): string | undefined {
  const limits = listenerLimits(protocol);
  if (!limits.rules && kind !== 'updateDefault' && kind !== 'deleteRule') return limits.reason;
  if (!limits.fixedResponse && kind === 'updateDefault' && action?.type === 'fixedResponse')
    return 'A TLS passthrough listener can only forward: a fixed response needs the request, which it cannot read.';
  return undefined;
}
