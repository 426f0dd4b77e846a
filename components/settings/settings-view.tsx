"use client";

import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "./change-password-form";
import { PausePoliciesSection } from "./pause-policies-section";
import { TokensSection } from "./tokens-section";

export function SettingsView() {
  return (
    <PageBody>
      <PageHeader title="Settings" description="Your API tokens and your password, and the pause policies for clusters" />
      <TokensSection />
      <ChangePasswordForm />
      <PausePoliciesSection />
    </PageBody>
  );
}
