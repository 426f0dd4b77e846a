import type { SVGProps } from "react";

/** Two people, drawn like components/ui/icons.tsx: 16-unit grid, 1.5 stroke, decorative. */
export function UsersIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 16 16"
      width={16}
      height={16}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <circle cx="6" cy="5" r="2.25" />
      <path d="M1.75 13.5c0-2.5 1.9-4.25 4.25-4.25s4.25 1.75 4.25 4.25" />
      <path d="M10.5 3a2.25 2.25 0 0 1 0 4.25M12 9.5c1.35.55 2.25 2 2.25 4" />
    </svg>
  );
}
