/** Query keys of the routing feature (one factory, so invalidation after a change is exact). */
export const routingKeys = {
  all: ['routing'] as const,
  services: () => ['routing', 'services'] as const,
  service: (serviceArn: string) => ['routing', 'service', serviceArn] as const,
  history: (resourceArn: string) => ['routing', 'history', resourceArn] as const,
  canary: (targetArn: string) => ['routing', 'canary', targetArn] as const,
  /** Owners of what a write would touch (read fresh each time a preview opens). */
  ownership: (key: string) => ['routing', 'ownership', key] as const,
  ownershipAll: () => ['routing', 'ownership'] as const,
};
