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
      size: 200,
      cell: ({ getValue }) => (
        <span className="flex items-center gap-2">
          <span className="truncate font-medium">{getValue()}</span>
          {getValue() === currentUser && <Badge>you</Badge>}
        </span>
      ),
    }),
    column.accessor("email", {
      header: "E-mail",
      size: 220,
      meta: { grow: true },
      cell: ({ getValue }) => getValue() ?? <span className="text-fg-subtle">—</span>,
    }),
    column.accessor("role", {
      header: "Role",
      size: 110,
      cell: ({ getValue }) => <Badge tone={roleTone[getValue()]}>{getValue()}</Badge>,
    }),
    column.accessor((user) => (user.disabledAt ? "disabled" : "active"), {
      id: "status",
      header: "Status",
      size: 110,
      cell: ({ getValue }) => <StatusPill tone={getValue() === "active" ? "ok" : "neutral"}>{getValue()}</StatusPill>,
    }),
    column.accessor("createdAt", {
      header: "Created",
      size: 140,
      cell: ({ getValue }) => <TimeAgo iso={getValue()} />,
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      size: 290,
      meta: { align: "right" },
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
