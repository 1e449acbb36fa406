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
  // Security headers on every response; pages get their Content-Security-Policy from proxy.ts (decision 060).
  async headers() {
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    ];
    return [
      { source: "/:path*", headers: everywhere },
      // JSON never needs to load anything or be framed.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
