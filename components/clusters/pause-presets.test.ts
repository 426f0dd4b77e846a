import { describe, expect, it } from "vitest";
import { compactMinutes, pauseChoices } from "./pause-presets";

const ids = (policy: Parameters<typeof pauseChoices>[0]) => pauseChoices(policy).choices.map((choice) => choice.id);

describe("the expiries the pause dialog offers", () => {
  it("pre-selects four hours without a policy, and still offers not resuming by itself", () => {
    expect(pauseChoices(undefined).initial).toBe("240m");
    expect(ids(undefined)).toEqual(["30m", "60m", "240m", "1440m", "at", "never"]);
  });

  it("pre-selects the policy's default and offers nothing longer than its max, nor 'Don't resume'", () => {
    const policy = { defaultExpiryMinutes: 120, maxExpiryMinutes: 480 };
    expect(pauseChoices(policy).initial).toBe("120m");
    expect(ids(policy)).toEqual(["30m", "60m", "120m", "240m", "480m", "at"]);
  });

  it("never pre-selects more than the max when the policy has no default", () => {
    expect(pauseChoices({ defaultExpiryMinutes: null, maxExpiryMinutes: 45 })).toEqual({
      initial: "45m",
      choices: [
        { id: "30m", minutes: 30 },
        { id: "45m", minutes: 45 },
        { id: "at" },
      ],
    });
  });
});

describe("the short durations on the dialog's choices", () => {
  it("read as the presets always did, and combine units for a policy's own durations", () => {
    expect([30, 60, 240, 1440, 90, 2880 + 60].map(compactMinutes)).toEqual(["30m", "1h", "4h", "1d", "1h 30m", "2d 1h"]);
  });
});
