import { describe, expect, it } from "vitest";
import { liveStreams } from "../lifecycle/live-streams";
import { fleetEventStream } from "./fleet-event-stream";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
  return text;
}

describe("live fleet updates when the server stops", () => {
  it("an open stream ends with a retry hint, so the browser reconnects to a replica that still runs", async () => {
    const open = fleetEventStream({ heartbeatMs: 60_000 });
    const received = readAll(open);
    expect(liveStreams.endAll(1_000)).toBe(1);
    expect(await received).toBe(": connected\n\nretry: 1000\n\n");
  });

  it("a stream opened while the server stops ends at once, with the same hint", async () => {
    liveStreams.endAll(1_000);
    expect(await readAll(fleetEventStream({ heartbeatMs: 60_000 }))).toBe(": connected\n\nretry: 1000\n\n");
  });
});
