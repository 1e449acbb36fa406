// Evaluates a compiled lesson on the server with the registry of MDX components. Client components in the
// registry hydrate in the browser; everything else stays server-rendered HTML (no MDX runtime ships).
import "server-only";
import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "./mdx-components";

export function LessonBody({ code }: { code: string }) {
  const Content = getMDXComponent(code);
  return <Content components={mdxComponents} />;
}
