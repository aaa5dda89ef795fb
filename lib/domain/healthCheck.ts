/** A target group's health-check settings as the target-group panel shows them. Pure. */
/** The health-check settings of a target group (GetTargetGroup's `config`). */
export interface HealthCheckView {
  arn: string;
  /** IP, INSTANCE, LAMBDA or ALB. */
  type: string;
  protocol?: string;
  /** HTTP1, HTTP2 or GRPC. */
  protocolVersion?: string;
  /** Undefined: the group has no health check settings at all (LAMBDA, ALB). */
  healthCheck?: {
    enabled?: boolean;
    protocol?: string;
    path?: string;
    port?: number;
    intervalSeconds?: number;
    timeoutSeconds?: number;
    healthyThreshold?: number;
    unhealthyThreshold?: number;
    /** Status codes that count as healthy, e.g. `200` or `200-299`. */
    matcher?: string;
  };
}
