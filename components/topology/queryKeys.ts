/** TanStack Query keys of the topology: one factory for the feature. */
import type { TrafficWindow } from '@/lib/graph/traffic';

export const topologyKeys = {
  all: ['topology'] as const,
  snapshot: () => ['topology', 'snapshot'] as const,
  traffic: (window: TrafficWindow) => ['topology', 'traffic', window] as const,
  authPolicy: (arn: string) => ['topology', 'authPolicy', arn] as const,
  healthCheck: (arn: string) => ['topology', 'healthCheck', arn] as const,
  watch: (arns: readonly string[]) => ['topology', 'watch', ...arns] as const,
};
