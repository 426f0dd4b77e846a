"use client";

import { GitCredentialsSection } from "@/components/git-credentials/git-credentials-section";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "./change-password-form";
import { PausePoliciesSection } from "./pause-policies-section";
import { TokensSection } from "./tokens-section";

export function SettingsView() {
  return (
    <PageBody>
      <PageHeader title="Settings" description="Your API tokens and your password, the pause policies for clusters, and the credentials for Git hosts" />
      <TokensSection />
      <ChangePasswordForm />
      <PausePoliciesSection />
      <GitCredentialsSection />
    </PageBody>
  );
}
