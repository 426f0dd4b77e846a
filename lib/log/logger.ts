import pino from "pino";
import { redactSecrets, redactText } from "./redact-secrets";

/**
 * The one logger. Fields whose names can carry secrets are censored at any depth and in any
 * case, and tokens inside strings are masked, so a careless `log.info({ body })` or a logged
 * error cannot leak a kubeconfig, token or password. pino's own `redact` paths cannot express
 * "at any depth", hence the formatters.
 */
export const log = pino({
  level: process.env.SYNCLINE_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "syncline" },
  formatters: {
    bindings: redactSecrets,
    log: redactSecrets,
  },
  serializers: {
    // formatters.log has already turned errors into redacted plain objects; pino's own error
    // serializer runs after it and would take those for errors again.
    err: (serialized: unknown) => serialized,
    // The message, including the one pino takes from a logged error, can quote a token too.
    msg: (message: unknown) => (typeof message === "string" ? redactText(message) : message),
  },
});

export type Logger = typeof log;
