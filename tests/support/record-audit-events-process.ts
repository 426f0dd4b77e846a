import { db } from "../../lib/db/client";
import { recordTaggedEvents } from "./audit-chain";

/** Run by recordEventsInAnotherProcess: `<count> <tag>`, on DATABASE_URL. */
const [count, tag] = process.argv.slice(2);
await recordTaggedEvents(Number(count), tag);
await db().$disconnect();
