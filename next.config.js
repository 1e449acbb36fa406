// Next.js configuration. mdx-bundler runs esbuild at build time on the server, so esbuild must stay
// external (Next keeps mdx-bundler, better-sqlite3 and pg external already; see ../shared/STACK.md).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["esbuild", "mdx-bundler", "better-sqlite3", "pg"],
  // `npm test` runs `tsc --noEmit` as its own step just before the build; checking again inside the build
  // would only cost time. Every other build (npm start, next build) still type-checks.
  typescript: { ignoreBuildErrors: process.env.TYPECHECKED === "1" },
};

export default nextConfig;
