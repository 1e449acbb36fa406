// The site shell: skip link, header with the course name and navigation, main content, footer.
import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";
import { UserMenu } from "./_components/auth/user-menu";

export const metadata: Metadata = {
  title: { default: "Is ReLU linear? — activation functions, explained and tested", template: "%s · Is ReLU linear?" },
  description:
    "Interactive lessons on linear, sigmoid, ReLU and Leaky ReLU activations: live calculators, draggable plots, a training playground and graded quizzes.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#111418" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href="/" className="site-title">
              Is ReLU linear?
            </Link>
            <nav aria-label="Site">
              <ul className="site-nav">
                <li>
                  <Link href="/#lessons">Lessons</Link>
                </li>
              </ul>
            </nav>
            {/* The menu fills in after mount; its slot has a fixed place and height so nothing else moves. */}
            <div className="user-menu-slot">
              <UserMenu />
            </div>
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            Every number on this site is computed by one library, <code>lib/math</code>; derivatives at kinks follow
            PyTorch&apos;s convention and say where the mathematics leaves them undefined.
          </div>
        </footer>
      </body>
    </html>
  );
}
