"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Badge, StatusPill, type Tone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { UserDto } from "@/lib/schemas/users";
import type { Role } from "./roles";
import { UserActions } from "./user-actions";

const column = createColumnHelper<UserDto>();
const roleTone: Record<Role, Tone> = { admin: "accent", operator: "info", viewer: "neutral" };

function columnsFor(currentUser: string) {
  return [
    column.accessor("name", {
      header: "Name",
      size: 160,
      meta: { card: "title" },
      cell: ({ getValue }) => (
        <span className="flex items-center gap-2">
          <span className="font-medium">{getValue()}</span>
          {getValue() === currentUser && <Badge>you</Badge>}
        </span>
      ),
    }),
    column.accessor("email", {
      header: "E-mail",
      size: 180,
      meta: { grow: true, card: "wide" },
      cell: ({ getValue }) => getValue() ?? <span className="text-fg-subtle">—</span>,
    }),
    column.accessor("role", {
      header: "Role",
      size: 90,
      cell: ({ getValue }) => <Badge tone={roleTone[getValue()]}>{getValue()}</Badge>,
    }),
    column.accessor((user) => (user.disabledAt ? "disabled" : "active"), {
      id: "status",
      header: "Status",
      size: 90,
      cell: ({ getValue }) => <StatusPill tone={getValue() === "active" ? "ok" : "neutral"}>{getValue()}</StatusPill>,
    }),
    column.accessor("createdAt", {
      header: "Created",
      size: 120,
      cell: ({ getValue }) => <TimeAgo iso={getValue()} />,
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      size: 120,
      meta: { align: "right", card: "wide" },
      cell: ({ row }) => <UserActions user={row.original} />,
    }),
  ];
}

export function UsersTable({ users, currentUser, filter }: { users: UserDto[]; currentUser: string; filter: string }) {
  return (
    <DataTable
      label="Users"
      noun={["user", "users"]}
      data={users}
      columns={columnsFor(currentUser)}
      getRowId={(user) => user.id}
      searchText={(user) => `${user.name} ${user.email ?? ""} ${user.role} ${user.disabledAt ? "disabled" : "active"}`}
      filter={filter}
      initialSorting={[{ id: "name", desc: false }]}
      rowHeight={44}
    />
  );
}
