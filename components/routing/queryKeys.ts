/** Query keys of the routing feature (one factory, so invalidation after a change is exact). */
export const routingKeys = {
  all: ['routing'] as const,
  services: () => ['routing', 'services'] as const,
  service: (serviceArn: string) => ['routing', 'service', serviceArn] as const,
  history: (resourceArn: string) => ['routing', 'history', resourceArn] as const,
  canary: (targetArn: string) => ['routing', 'canary', targetArn] as const,
};
