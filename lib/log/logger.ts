import pino from "pino";

/**
 * The one logger. Field names that can carry secrets are censored wherever they appear, so a
 * careless `log.info({ body })` cannot leak a kubeconfig, token or password.
 */
export const secretFieldPaths = [
  "password",
  "passwordHash",
  "token",
  "tokenHash",
  "kubeconfig",
  "kubeconfigEncrypted",
  "secret",
  "secretEncrypted",
  "authorization",
  "cookie",
];

export const log = pino({
  level: process.env.SYNCLINE_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: "syncline" },
  redact: {
    paths: secretFieldPaths.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
    censor: "[redacted]",
  },
});

export type Logger = typeof log;
