// Next.js configuration. mdx-bundler runs esbuild at build time on the server, so esbuild must stay
// external (Next keeps mdx-bundler, better-sqlite3 and pg external already; see ../shared/STACK.md).
import { nextHeaderRules } from "./lib/http/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["esbuild", "mdx-bundler", "better-sqlite3", "pg"],
  // `npm test` runs `tsc --noEmit` as its own step just before the build; checking again inside the build
  // would only cost time. Every other build (npm start, next build) still type-checks.
  typescript: { ignoreBuildErrors: process.env.TYPECHECKED === "1" },
  // Security headers on every response; pages get their Content-Security-Policy from proxy.ts (decision 060).
  // The lists live in lib/http/security-headers.mjs, which scripts/server.mjs reads too (decision 063).
  async headers() {
    return nextHeaderRules();
  },
};

export default nextConfig;
