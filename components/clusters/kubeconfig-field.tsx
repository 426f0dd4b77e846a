"use client";

import { useMemo, useRef, useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { UploadIcon } from "@/components/ui/icons";
import { kubeconfigContexts, maskKubeconfigSecrets } from "./kubeconfig-contexts";

interface KubeconfigFieldProps {
  id: string;
  value: string;
  onChange: (kubeconfig: string) => void;
  invalid?: boolean;
  describedBy?: string;
  autoFocus?: boolean;
}

/**
 * Where a kubeconfig is pasted or uploaded. Once the text is a kubeconfig the field shows it
 * read-only with its tokens, keys and passwords masked (someone may be watching the screen, or
 * sharing it); "Show secrets" reveals them and "Edit" goes back to the text itself. Typing keeps
 * the text in clear until the field is left. The real text is what gets submitted.
 */
export function KubeconfigField({ id, value, onChange, invalid, describedBy, autoFocus }: KubeconfigFieldProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const isKubeconfig = useMemo(() => kubeconfigContexts(value).contexts.length > 0, [value]);
  const masked = useMemo(() => maskKubeconfigSecrets(value), [value]);
  const preview = isKubeconfig && !editing;

  const change = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const next = event.target.value;
    // A paste or drop arrives whole and is masked at once; typing stays visible while it goes on.
    setEditing(next.length - value.length <= 1);
    onChange(next);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setEditing(false);
    onChange(await file.text());
  };
  const edit = () => {
    setEditing(true);
    setRevealed(false);
    document.getElementById(id)?.focus();
  };

  return (
    <>
      <TextArea
        id={id}
        rows={8}
        spellCheck={false}
        autoComplete="off"
        autoFocus={autoFocus}
        readOnly={preview}
        placeholder={"apiVersion: v1\nkind: Config\nclusters: …"}
        value={preview && !revealed ? masked : value}
        onChange={change}
        onBlur={() => setEditing(false)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
      <div className="mt-1 flex flex-wrap gap-2">
        {preview && (
          <>
            <Button size="sm" aria-pressed={revealed} aria-controls={id} onClick={() => setRevealed((shown) => !shown)}>
              {revealed ? "Hide secrets" : "Show secrets"}
            </Button>
            <Button size="sm" aria-controls={id} onClick={edit}>
              Edit
            </Button>
          </>
        )}
        <input ref={fileInput} type="file" className="sr-only" tabIndex={-1} aria-hidden="true" onChange={(event) => upload(event.target.files?.[0])} />
        <Button size="sm" icon={<UploadIcon />} onClick={() => fileInput.current?.click()}>
          Upload kubeconfig file
        </Button>
      </div>
    </>
  );
}
