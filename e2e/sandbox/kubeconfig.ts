// Kubeconfig files for the sandbox identities. Each embeds its cluster's CA so
// clients verify TLS exactly as they would against a real cluster.
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { base64File } from './certs';

export type Credentials = { token: string } | { clientCert: string; clientKey: string };

export function writeKubeconfig(path: string, opts: { context: string; server: string; caCert: string; user: string; credentials: Credentials }): void {
  const user =
    'token' in opts.credentials
      ? { token: opts.credentials.token }
      : { 'client-certificate-data': base64File(opts.credentials.clientCert), 'client-key-data': base64File(opts.credentials.clientKey) };
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: opts.context, cluster: { server: opts.server, 'certificate-authority-data': base64File(opts.caCert) } }],
    users: [{ name: opts.user, user }],
    contexts: [{ name: opts.context, context: { cluster: opts.context, user: opts.user } }],
    'current-context': opts.context,
    preferences: {},
  };
  writeFileSync(path, stringify(doc), { mode: 0o600 });
}
