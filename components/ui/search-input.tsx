import { cn } from "./cn";
import { inputClass } from "./field";
import { SearchIcon } from "./icons";

export function SearchInput({ value, onChange, label, placeholder, className }: { value: string; onChange: (value: string) => void; label: string; placeholder?: string; className?: string }) {
  return (
    // Never narrower than its placeholder, whatever the font: 1ch (a "0") is at least an average letter.
    <div className={cn("relative", className)} style={{ minWidth: `min(100%, calc(${(placeholder ?? label).length}ch + 3rem))` }}>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-fg-subtle" />
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder ?? label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={cn(inputClass, "w-full pl-8")}
      />
    </div>
  );
}
