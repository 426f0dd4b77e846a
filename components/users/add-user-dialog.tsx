"use client";

import { useState, type FormEvent } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { AddedUserDto } from "@/lib/schemas/users";
import { useAddUser } from "@/lib/queries/use-add-user";
import { roleDescriptions, roles, type Role } from "./roles";
import { ShownOncePassword } from "./shown-once-password";

// The API's rule for user names, checked here so the mistake shows while typing.
const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

export function AddUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const addUser = useAddUser();
  const toast = useToast();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [added, setAdded] = useState<AddedUserDto>();
  const nameProblem = name.trim() && !USER_NAME.test(name.trim()) ? "Use letters, digits, dots, dashes or underscores (at most 63)" : undefined;
  const nameTaken = addUser.error?.code === "conflict";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    addUser.mutate(
      { name: name.trim(), role, email: email.trim() || undefined },
      {
        onSuccess: (user) => {
          toast({ tone: "ok", title: `Added ${user.name}`, description: `They can sign in as ${user.role}.` });
          setAdded(user);
        },
      },
    );
  };

  if (added?.generatedPassword) {
    return (
      <Dialog open={open} onClose={onClose} size="sm" title={`${added.name} was added`} footer={<Button variant="primary" onClick={onClose}>Done</Button>}>
        <ShownOncePassword userName={added.name} password={added.generatedPassword} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="sm"
      title="Add user"
      description="Syncline generates a password and shows it to you once; the user can change it after signing in."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="add-user-form" variant="primary" busy={addUser.isPending} disabled={!name.trim() || !!nameProblem}>
            Add user
          </Button>
        </>
      }
    >
      <form id="add-user-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="User name" htmlFor="user-name" error={nameTaken ? addUser.error?.message : nameProblem} hint="What they sign in with">
          <TextInput
            id="user-name"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameTaken || !!nameProblem}
          />
        </Field>
        <Field label="E-mail address (optional)" htmlFor="user-email">
          <TextInput id="user-email" type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
        </Field>
        <Field label="Role" htmlFor="user-role" hint={roleDescriptions[role]}>
          <Select id="user-role" value={role} onChange={(event) => setRole(event.target.value as Role)} aria-describedby="user-role-hint">
            {roles.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        </Field>
        {addUser.error && !nameTaken && <ApiErrorNotice error={addUser.error} title="The user was not added" />}
      </form>
    </Dialog>
  );
}
