import type { z } from "zod";
import { withSession } from "@/lib/api/with-session";
import { setObjectAutoSync } from "@/lib/autosync";
import { autoSyncInput } from "@/lib/schemas/auto-sync";

type Params = { id: string; kind: string; namespace: string; name: string };

export const PUT = withSession<z.output<typeof autoSyncInput>, Params>(
  async ({ params, body, actor, origin }) => Response.json(await setObjectAutoSync(params.id, params, body, actor, origin)),
  { body: autoSyncInput, permission: "clusters.autosync" },
);
