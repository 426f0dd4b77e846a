"use client";

import { cn } from "@/components/ui/cn";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import { useTheme, type ThemeChoice } from "./use-theme";

const choices: Array<{ value: ThemeChoice; label: string; icon: typeof SunIcon }> = [
  { value: "light", label: "Light theme", icon: SunIcon },
  { value: "dark", label: "Dark theme", icon: MoonIcon },
  { value: "system", label: "Match the system theme", icon: MonitorIcon },
];

export function ThemeToggle() {
  const [theme, setTheme] = useTheme();
  return (
    <div role="group" aria-label="Theme" className="inline-flex rounded-md border border-line bg-canvas p-0.5">
      {choices.map(({ value, label, icon: Icon }) => (
        <button
          key={value}
          type="button"
          aria-label={label}
          title={label}
          aria-pressed={theme === value}
          onClick={() => setTheme(value)}
          className={cn(
            "flex h-6 w-7 items-center justify-center rounded text-fg-subtle hover:text-fg",
            theme === value && "bg-selected text-fg shadow-xs",
          )}
        >
          <Icon className="size-3.5" />
        </button>
      ))}
    </div>
  );
}
