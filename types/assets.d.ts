// Font files imported by a module resolve to their public URL under /_next/static/media (Turbopack).
declare module "*.woff2" {
  const url: string;
  export default url;
}
