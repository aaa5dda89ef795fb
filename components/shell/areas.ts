/** The console's areas, shared by the top navigation and the landing page. */

/** One area of the console. */
export interface Area {
  href: '/topology' | '/logs' | '/routing' | '/audit';
  label: string;
  /** One line on what the area is for. */
  summary: string;
}

export const AREAS: readonly Area[] = [
  {
    href: '/topology',
    label: 'Topology',
    summary: 'Service networks, services, listeners and target groups across your accounts, as one graph.',
  },
  {
    href: '/logs',
    label: 'Logs',
    summary: 'VPC Lattice access logs from CloudWatch Logs: response codes, denied callers, slow targets.',
  },
  {
    href: '/routing',
    label: 'Routing',
    summary: 'Listener rules and target-group weights, with a preview before every change.',
  },
  { href: '/audit', label: 'Audit', summary: 'Who changed which rule or weight, and when.' },
];
