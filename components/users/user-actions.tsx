"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { UserDto } from "@/lib/schemas/users";
import { ChangeRoleDialog } from "./change-role-dialog";
import { DisableUserDialog } from "./disable-user-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";

type Which = "role" | "disable" | "password";

/**
 * A row's actions as plain buttons: a table cell clips anything that pops out of it, and three
 * actions fit. Each opens its own confirming dialog.
 */
export function UserActions({ user }: { user: UserDto }) {
  const [dialog, setDialog] = useState<Which | null>(null);
  // A fresh dialog each time, so a password shown once is gone when it is opened again.
  const [opening, setOpening] = useState(0);
  const show = (which: Which) => {
    setOpening((count) => count + 1);
    setDialog(which);
  };
  const onClose = () => setDialog(null);
  const enabled = user.disabledAt === null;
  return (
    <span className="flex justify-end gap-1 max-md:-ml-2.5 max-md:flex-wrap max-md:justify-start">
      <Button size="sm" variant="ghost" onClick={() => show("role")} aria-label={`Change role of ${user.name}`}>
        Change role
      </Button>
      <Button size="sm" variant="ghost" onClick={() => show("password")} aria-label={`Reset password for ${user.name}`}>
        Reset password
      </Button>
      <Button size="sm" variant="ghost" className={enabled ? "text-fail hover:text-fail" : undefined} onClick={() => show("disable")} aria-label={`${enabled ? "Disable" : "Enable"} ${user.name}`}>
        {enabled ? "Disable" : "Enable"}
      </Button>
      <ChangeRoleDialog key={`role-${opening}`} user={user} open={dialog === "role"} onClose={onClose} />
      <ResetPasswordDialog key={`password-${opening}`} user={user} open={dialog === "password"} onClose={onClose} />
      <DisableUserDialog key={`disable-${opening}`} user={user} open={dialog === "disable"} onClose={onClose} />
    </span>
  );
}
