/** CloudWatch Logs log group ARNs, as access-log subscriptions name their destinations. Pure. */

/** The parts of a log group ARN. */
export interface LogGroupRef {
  region: string;
  accountId: string;
  name: string;
  /** `arn:aws:logs:<region>:<account>:log-group:<name>` (without the `:*` suffix). */
  arn: string;
}

const ARN = /^arn:(aws[a-z-]*):logs:([a-z0-9-]+):(\d{12}):log-group:([.\-_/#A-Za-z0-9]{1,512})(?::\*)?$/;

/** Parses a log group ARN (with or without `:*`); undefined for anything else (S3, Firehose, …). */
export function parseLogGroupArn(arn: string): LogGroupRef | undefined {
  const m = ARN.exec(arn);
  if (!m) return undefined;
  const [, partition, region, accountId, name] = m as unknown as [string, string, string, string, string];
  return { region, accountId, name, arn: `arn:${partition}:logs:${region}:${accountId}:log-group:${name}` };
}
