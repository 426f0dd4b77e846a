"use client";

import { useState } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { UserDto } from "@/lib/schemas/users";
import { useUpdateUser } from "@/lib/queries/use-update-user";
import { roleDescriptions, roles, type Role } from "./roles";

export function ChangeRoleDialog({ user, open, onClose }: { user: UserDto; open: boolean; onClose: () => void }) {
  const update = useUpdateUser(user.id);
  const toast = useToast();
  const [role, setRole] = useState<Role>(user.role);

  const save = () =>
    update.mutate(
      { role },
      {
        onSuccess: (changed) => {
          toast({ tone: "ok", title: `${changed.name} is now ${changed.role}`, description: "It applies to their very next request." });
          onClose();
        },
      },
    );

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="sm"
      title={`Change the role of ${user.name}`}
      description="The new role applies to their next request, in open browser tabs and API tokens alike."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={save} busy={update.isPending} disabled={role === user.role}>
            Change role
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <Field label="Role" htmlFor="change-role" hint={roleDescriptions[role]}>
          <Select id="change-role" autoFocus value={role} onChange={(event) => setRole(event.target.value as Role)} aria-describedby="change-role-hint">
            {roles.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        </Field>
        {update.error && <ApiErrorNotice error={update.error} title="The role was not changed" />}
      </div>
    </Dialog>
  );
}
