import type { z } from "zod";
import { withSession } from "@/lib/api/with-session";
import { setClusterAutoSync } from "@/lib/autosync";
import { autoSyncInput } from "@/lib/schemas/auto-sync";

export const PUT = withSession<z.output<typeof autoSyncInput>, { id: string }>(
  async ({ params, body, actor, origin }) => Response.json(await setClusterAutoSync(params.id, body, actor, origin)),
  { body: autoSyncInput, permission: "clusters.autosync" },
);
