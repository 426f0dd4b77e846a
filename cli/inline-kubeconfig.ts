import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { parseDocument } from "yaml";

const FILE_TO_DATA: Record<string, Record<string, { data: string; base64: boolean }>> = {
  cluster: { "certificate-authority": { data: "certificate-authority-data", base64: true } },
  user: {
    "client-certificate": { data: "client-certificate-data", base64: true },
    "client-key": { data: "client-key-data", base64: true },
    "token-file": { data: "token", base64: false },
  },
};

/**
 * The server accepts only self-contained kubeconfigs, so the CLI embeds the files a local
 * kubeconfig points to (as `kubectl config view --flatten` would), resolving paths against
 * the kubeconfig's own folder.
 */
export function inlineKubeconfigFiles(text: string, folder: string): string {
  const document = parseDocument(text);
  if (document.errors.length) return text;
  for (const [list, owner] of [["clusters", "cluster"], ["users", "user"]] as const) {
    const entries = document.toJS()?.[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry: Record<string, Record<string, unknown> | undefined>, index: number) => {
      for (const [fileField, { data, base64 }] of Object.entries(FILE_TO_DATA[owner]!)) {
        const path = entry?.[owner]?.[fileField];
        if (typeof path !== "string" || !path) continue;
        const content = readFileSync(isAbsolute(path) ? path : resolve(folder, path));
        document.setIn([list, index, owner, data], base64 ? content.toString("base64") : content.toString("utf8").trim());
        document.deleteIn([list, index, owner, fileField]);
      }
    });
  }
  return document.toString();
}
