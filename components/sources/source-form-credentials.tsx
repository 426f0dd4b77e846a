import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { useGitCredentials } from "@/lib/queries/use-git-credentials";
import { GitCredentialOptions } from "./git-credential-options";
import { fieldAria, type SourceFormPartProps } from "./source-form-props";
import type { CredentialMode } from "./source-form-values";

/**
 * None, one of the Git credential store's, or a new one typed here (stored sealed in that same
 * store). Secret fields start empty: the browser sends a secret, it never receives one.
 */
export function SourceFormCredentials({ values, set, errors, current }: SourceFormPartProps & { current: { name: string } | null }) {
  const credentials = useGitCredentials();
  const mode = values.credentialMode;
  const secret = (key: "token" | "password" | "passphrase", label: string, hint?: string) => (
    <Field label={label} htmlFor={`source-${key}`} error={errors[key]} hint={hint}>
      <TextInput {...fieldAria(`source-${key}`, errors[key], !!hint)} type="password" autoComplete="new-password" value={values[key]} onChange={(event) => set(key, event.target.value)} />
    </Field>
  );
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-[13px] font-semibold">Credentials</legend>
      <Field label="Authentication" htmlFor="source-credential-mode" error={errors.credentialMode} hint="On each cluster they become a Secret next to the GitRepository">
        <Select {...fieldAria("source-credential-mode", errors.credentialMode, true)} value={mode} onChange={(event) => set("credentialMode", event.target.value as CredentialMode)}>
          {current && <option value="keep">Keep {current.name}</option>}
          <option value="none">None (a public repository)</option>
          <option value="existing">A stored Git credential</option>
          <option value="https-token">HTTPS token</option>
          <option value="https-basic">HTTPS user and password</option>
          <option value="ssh-key">SSH key</option>
        </Select>
      </Field>
      {mode === "existing" && (
        <Field label="Git credential" htmlFor="source-credentialId" error={errors.credentialId} hint={credentials.isError ? "The stored credentials could not be loaded" : undefined}>
          <Select {...fieldAria("source-credentialId", errors.credentialId, credentials.isError)} value={values.credentialId} onChange={(event) => set("credentialId", event.target.value)}>
            <GitCredentialOptions credentials={credentials} />
          </Select>
        </Field>
      )}
      {mode === "https-token" && (
        <>
          {secret("token", "Token")}
          <Field label="User name (optional)" htmlFor="source-username" error={errors.username} hint="Sent with the token as basic auth; some servers want one">
            <TextInput {...fieldAria("source-username", errors.username, true)} autoComplete="off" value={values.username} onChange={(event) => set("username", event.target.value)} />
          </Field>
        </>
      )}
      {mode === "https-basic" && (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="User name" htmlFor="source-username" error={errors.username}>
            <TextInput {...fieldAria("source-username", errors.username)} autoComplete="off" value={values.username} onChange={(event) => set("username", event.target.value)} />
          </Field>
          {secret("password", "Password")}
        </div>
      )}
      {mode === "ssh-key" && (
        <>
          <Field label="Private key" htmlFor="source-privateKey" error={errors.privateKey}>
            <TextArea
              {...fieldAria("source-privateKey", errors.privateKey)}
              rows={4}
              spellCheck={false}
              placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
              value={values.privateKey}
              onChange={(event) => set("privateKey", event.target.value)}
            />
          </Field>
          {secret("passphrase", "Passphrase (optional)", "Only if the key is encrypted")}
          <Field label="Known hosts" htmlFor="source-knownHosts" error={errors.knownHosts} hint="The server's host keys; ssh-keyscan <host> prints them">
            <TextArea
              {...fieldAria("source-knownHosts", errors.knownHosts, true)}
              rows={3}
              spellCheck={false}
              placeholder="git.example.com ssh-ed25519 AAAA…"
              value={values.knownHosts}
              onChange={(event) => set("knownHosts", event.target.value)}
            />
          </Field>
        </>
      )}
    </fieldset>
  );
}
