"use client";

import { useState, type FormEvent } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useChangeOwnPassword } from "@/lib/queries/use-change-own-password";
import { SettingsHeading } from "./settings-heading";

// The API's rule (lib/schemas/users.ts), checked here so the mistake shows before submitting.
const MIN_LENGTH = 10;

/** The server's message for one field of a 422, so it can sit under that field. */
function issueFor(details: unknown, path: string): string | undefined {
  if (!Array.isArray(details)) return undefined;
  return details.find((issue) => issue?.path === path)?.message;
}

export function ChangePasswordForm() {
  const change = useChangeOwnPassword();
  const toast = useToast();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [repeated, setRepeated] = useState("");
  const error = change.error;
  const currentError = issueFor(error?.details, "currentPassword");
  const newError = issueFor(error?.details, "newPassword") ?? (newPassword && newPassword.length < MIN_LENGTH ? `Use at least ${MIN_LENGTH} characters` : undefined);
  const repeatError = repeated && repeated !== newPassword ? "The passwords differ" : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: ({ endedSessions }) => {
          toast({
            tone: "ok",
            title: "Password changed",
            description: endedSessions ? `Signed out ${endedSessions} other ${endedSessions === 1 ? "session" : "sessions"}.` : "You stay signed in here.",
          });
          setCurrent("");
          setNew("");
          setRepeated("");
        },
      },
    );
  };

  return (
    <section aria-labelledby="settings-password" className="flex flex-col gap-3">
      <SettingsHeading id="settings-password" title="Password" description="Changing it signs you out everywhere else. API tokens keep working until revoked." />
      <form onSubmit={submit} noValidate className="flex max-w-md flex-col gap-4 rounded-lg border border-line bg-panel p-4">
        <Field label="Current password" htmlFor="current-password" error={currentError}>
          <TextInput id="current-password" type="password" autoComplete="current-password" value={currentPassword} onChange={(event) => setCurrent(event.target.value)} aria-invalid={!!currentError} />
        </Field>
        <Field label="New password" htmlFor="new-password" error={newError} hint={`At least ${MIN_LENGTH} characters`}>
          <TextInput
            id="new-password"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNew(event.target.value)}
            aria-invalid={!!newError}
            aria-describedby={newError ? "new-password-error" : "new-password-hint"}
          />
        </Field>
        <Field label="Repeat the new password" htmlFor="repeat-password" error={repeatError}>
          <TextInput id="repeat-password" type="password" autoComplete="new-password" value={repeated} onChange={(event) => setRepeated(event.target.value)} aria-invalid={!!repeatError} />
        </Field>
        {error && !currentError && !issueFor(error.details, "newPassword") && <ApiErrorNotice error={error} title="The password was not changed" />}
        <div>
          <Button type="submit" variant="primary" busy={change.isPending} disabled={!currentPassword || newPassword.length < MIN_LENGTH || repeated !== newPassword}>
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}
