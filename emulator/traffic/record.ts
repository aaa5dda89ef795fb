/**
 * Assembles one access-log record in the real format (ARCHITECTURE §3): flat JSON, every field
 * present, "-" for a missing value, numbers as JSON numbers, durations in ms, `startTime` as an
 * ISO-8601 UTC second (as Lattice writes it, e.g. "2024-08-04T11:28:40Z").
 */
import type { Outcome } from './respond';
import { MISSING, type AccessLogRecord } from './vocabulary';

/** The request half of a record. */
export interface RequestSide {
  startTime: string;
  serviceNetworkArn: string;
  serviceArn: string;
  listenerType: string;
  listenerId: string;
  sourceVpcArn: string;
  sourceVpcId: string;
  sourceIpPort: string;
  requestMethod: string;
  requestPath: string;
  protocol: string;
  hostHeader: string;
  https: boolean;
  tlsVersion: string;
  sslCipher: string;
  userAgent: string;
  bytesReceived: number;
  resolvedUser: string;
  authDeniedReason: string;
  callerPrincipal: string;
  callerPrincipalOrgID: string;
}

let lastSecond = NaN;
let lastIso = '';

/** `startTime` of a request at `t` ms (cached per second: records come in time order). */
export function isoSecond(t: number): string {
  const s = Math.floor(t / 1000);
  if (s !== lastSecond) {
    lastSecond = s;
    lastIso = `${new Date(s * 1000).toISOString().slice(0, 19)}Z`;
  }
  return lastIso;
}

/** The record of a request and its outcome, fields in ACCESS_LOG_FIELDS order. */
export function buildRecord(r: RequestSide, o: Outcome): AccessLogRecord {
  return {
    startTime: r.startTime,
    serviceNetworkArn: r.serviceNetworkArn,
    serviceArn: r.serviceArn,
    targetGroupArn: o.targetGroupArn,
    listenerType: r.listenerType,
    listenerId: r.listenerId,
    sourceVpcArn: r.sourceVpcArn,
    sourceVpcId: r.sourceVpcId,
    destinationVpcId: o.destinationVpcId,
    sourceIpPort: r.sourceIpPort,
    targetIpPort: o.targetIpPort,
    requestMethod: r.requestMethod,
    requestPath: r.requestPath,
    protocol: r.protocol,
    hostHeader: r.hostHeader,
    serverNameIndication: r.https ? r.hostHeader : MISSING,
    userAgent: r.userAgent,
    responseCode: o.responseCode,
    bytesReceived: r.bytesReceived,
    bytesSent: o.bytesSent,
    duration: o.duration,
    requestToTargetDuration: o.requestToTargetDuration,
    responseFromTargetDuration: o.responseFromTargetDuration,
    failureReason: o.failureReason,
    resolvedUser: r.resolvedUser,
    authDeniedReason: r.authDeniedReason,
    callerPrincipal: r.callerPrincipal,
    callerPrincipalOrgID: r.callerPrincipalOrgID,
    sslCipher: r.https ? r.sslCipher : MISSING,
    tlsVersion: r.https ? r.tlsVersion : MISSING,
    callerX509IssuerOU: MISSING,
    callerX509SubjectCN: MISSING,
    callerX509SANNameCN: MISSING,
    callerX509SANDNS: MISSING,
    callerX509SANURI: MISSING,
  };
}
