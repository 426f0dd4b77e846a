// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // These load native code, WebAssembly or worker threads at run time; bundling them breaks that.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@kubernetes/client-node", "pino", "pg"],
  poweredByHeader: false,
  // The floating dev-tools badge covers the user menu in development screenshots.
  devIndicators: false,
  // npm test type-checks the whole project with tsc before building; doing it again here would
  // only lengthen every build.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
