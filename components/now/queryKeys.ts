/** Query keys of the triage report (the "Now" page and the topology share one cache entry). */
export const triageKeys = {
  all: ['triage'] as const,
  report: () => ['triage', 'report'] as const,
};
