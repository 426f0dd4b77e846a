import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import { themeScript } from "@/components/shell/theme-script";
import { NONCE_HEADER } from "@/proxy";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Syncline", template: "%s · Syncline" },
  description: "Flux CD across every cluster you run",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0c0f" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The Content-Security-Policy runs inline scripts only with this request's nonce.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // The theme script changes the class before hydration; React must not flag that as a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
