"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { AlertIcon } from "@/components/ui/icons";
import { useSignIn } from "@/lib/queries/use-sign-in";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const signIn = useSignIn();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ name, password }, { onSuccess: () => router.replace(next) });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4 rounded-xl border border-line bg-panel p-6 shadow-pop" noValidate>
      {signIn.error && (
        <div role="alert" className="flex items-start gap-2 rounded-md border border-fail/30 bg-fail-soft px-3 py-2 text-[13px] text-fail">
          <AlertIcon className="mt-0.5 shrink-0" />
          {signIn.error.message}
        </div>
      )}
      <Field label="User name" htmlFor="sign-in-name">
        <TextInput
          id="sign-in-name"
          name="name"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field label="Password" htmlFor="sign-in-password">
        <TextInput
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </Field>
      <Button type="submit" variant="primary" busy={signIn.isPending || signIn.isSuccess} disabled={!name || !password} className="mt-1 w-full">
        Sign in
      </Button>
    </form>
  );
}
