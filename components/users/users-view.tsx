"use client";

import { useState } from "react";
import { useCan, useSessionUser } from "@/components/shell/session-context";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PlusIcon, UsersIcon } from "@/components/ui/icons";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { SearchInput } from "@/components/ui/search-input";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useUsers } from "@/lib/queries/use-users";
import { AddUserDialog } from "./add-user-dialog";
import { UsersTable } from "./users-table";

export function UsersView() {
  const admin = useCan("users.manage");
  const me = useSessionUser();
  const users = useUsers({ enabled: admin });
  const [adding, setAdding] = useState(0);
  const [filter, setFilter] = useState("");

  if (!admin) {
    return (
      <PageBody>
        <PageHeader title="Users" />
        <EmptyState icon={<UsersIcon />} title="Only admins can manage users">
          You are signed in as <span className="font-medium">{me.name}</span>, a {me.role}. Ask an admin to add someone, change a role or reset a password.
        </EmptyState>
      </PageBody>
    );
  }

  return (
    <PageBody>
      <PageHeader
        title="Users"
        description="Who can sign in, and what their role lets them do. Every change here is recorded in the audit trail."
        actions={
          <Button variant="primary" icon={<PlusIcon />} onClick={() => setAdding((count) => count + 1)}>
            Add user
          </Button>
        }
      />
      {users.isPending ? (
        <TableSkeleton label="Loading users" columns={5} rows={4} />
      ) : users.isError ? (
        <ErrorState title="Could not load the users" error={users.error} onRetry={() => users.refetch()} retrying={users.isFetching} />
      ) : users.data.length === 0 ? (
        <EmptyState icon={<UsersIcon />} title="No users yet">
          Add the people who run your clusters; each signs in with their own name and password.
        </EmptyState>
      ) : (
        <>
          <div className="flex items-center gap-2">
            <SearchInput value={filter} onChange={setFilter} placeholder="Filter by name, e-mail, role or status" label="Filter users" className="w-full max-w-80" />
          </div>
          <UsersTable users={users.data} currentUser={me.name} filter={filter} />
        </>
      )}
      <AddUserDialog key={adding} open={adding > 0} onClose={() => setAdding(0)} />
    </PageBody>
  );
}
