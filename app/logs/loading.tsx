import { LogsSkeleton } from '@/components/logs/LogsSkeleton';

export default function Loading() {
  return <LogsSkeleton />;
}
