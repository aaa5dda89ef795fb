import { TopologySkeleton } from '@/components/topology/TopologySkeleton';

export default function Loading() {
  return <TopologySkeleton />;
}
