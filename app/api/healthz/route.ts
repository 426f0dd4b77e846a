import { withoutSession } from "@/lib/api/with-session";

export const dynamic = "force-dynamic";

export const GET = withoutSession(async () => Response.json({ status: "ok" }));
