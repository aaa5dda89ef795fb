import type { AuditFilter } from '@/lib/audit/filter';

/** Query keys of the audit feature. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (f: AuditFilter) => ['audit', 'list', f] as const,
  rollback: (eventId: string) => ['audit', 'rollback', eventId] as const,
};
