/**
 * The fixed words of simulated access-log records (ARCHITECTURE §3): field names in the order the
 * simulator writes them, and the values it uses for failures and auth denials. The console's
 * filters and the tests rely on these, so they live in one place.
 */

/** Every field of a VPC Lattice access-log record, in write order. */
export const ACCESS_LOG_FIELDS = [
  'startTime',
  'serviceNetworkArn',
  'serviceArn',
  'targetGroupArn',
  'listenerType',
  'listenerId',
  'sourceVpcArn',
  'sourceVpcId',
  'destinationVpcId',
  'sourceIpPort',
  'targetIpPort',
  'requestMethod',
  'requestPath',
  'protocol',
  'hostHeader',
  'serverNameIndication',
  'userAgent',
  'responseCode',
  'bytesReceived',
  'bytesSent',
  'duration',
  'requestToTargetDuration',
  'responseFromTargetDuration',
  'failureReason',
  'resolvedUser',
  'authDeniedReason',
  'callerPrincipal',
  'callerPrincipalOrgID',
  'sslCipher',
  'tlsVersion',
  'callerX509IssuerOU',
  'callerX509SubjectCN',
  'callerX509SANNameCN',
  'callerX509SANDNS',
  'callerX509SANURI',
] as const;

/** Fields whose value is a JSON number when present ("-" otherwise). */
export const NUMERIC_FIELDS = [
  'responseCode',
  'bytesReceived',
  'bytesSent',
  'duration',
  'requestToTargetDuration',
  'responseFromTargetDuration',
] as const;

/** One access-log record as written (a missing value is "-"). */
export type AccessLogRecord = Record<(typeof ACCESS_LOG_FIELDS)[number], string | number>;

/** The value of a missing field. */
export const MISSING = '-';

/** `resolvedUser` of an unsigned request to a service or network with AWS_IAM auth. */
export const ANONYMOUS = 'Anonymous';

/** `authDeniedReason`: which auth policy refused the request. */
export type AuthDeniedReason = 'Service' | 'Network';

/** `failureReason` values. */
export const FAILURE = {
  /** 403: an auth policy (or its absence under AWS_IAM) refused the request. */
  accessDenied: 'ClientAccessDenied',
  /** 500 and other 5xx answered by the target. */
  targetError: 'TargetError',
  /** 502: the connection to the target was refused or reset. */
  connection: 'TargetConnectionError',
  /** 503: the target (or the whole group) could not serve the request. */
  unavailable: 'TargetUnavailable',
  /** 504: the target did not answer in time. */
  timeout: 'RequestTimeout',
} as const;

/** The failureReason of a 5xx that came from (or because of) a target. */
export function failureReasonOf(status: number): string {
  if (status === 502) return FAILURE.connection;
  if (status === 503) return FAILURE.unavailable;
  if (status === 504) return FAILURE.timeout;
  return status >= 500 ? FAILURE.targetError : MISSING;
}

/** How long Lattice waits for a target before answering 504 (ms). */
export const TARGET_TIMEOUT_MS = 60_000;

/** TLS facts of HTTPS listeners. */
export const TLS = { cipher: 'ECDHE-RSA-AES128-GCM-SHA256', versions: ['TLSv1.2', 'TLSv1.3'] } as const;
