/** Small inline icons (SVG: no font glyphs that may be missing, no image requests). */

const PATHS = {
  copy:
    'M5 5V2.5A1.5 1.5 0 0 1 6.5 1h7A1.5 1.5 0 0 1 15 2.5v7a1.5 1.5 0 0 1-1.5 1.5H11' +
    'M2.5 5h7A1.5 1.5 0 0 1 11 6.5v7A1.5 1.5 0 0 1 9.5 15h-7A1.5 1.5 0 0 1 1 13.5v-7A1.5 1.5 0 0 1 2.5 5z',
  check: 'M2 8.5l4 4 8-9',
  rerun: 'M13.5 8A5.5 5.5 0 1 1 11.9 4.1M12 1v3.5H8.5',
  stop: 'M4 4h8v8H4z',
} as const;

/** An icon, 12 px, `currentColor`. */
export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg
      width="12"
      height="12"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      style={{ verticalAlign: '-2px' }}
    >
      <path
        d={PATHS[name]}
        fill={name === 'stop' ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
