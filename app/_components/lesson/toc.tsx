// "On this page": the lesson's sections as a collapsible list of anchor links (a <details>, so it works
// without JavaScript and stays out of the way on a phone).
import type { TocItem } from "@/lib/content/toc";
import styles from "./lesson-chrome.module.css";

export function Toc({ items }: { items: TocItem[] }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="On this page" className={styles.toc} data-testid="toc">
      <details>
        <summary>On this page ({items.filter((i) => i.depth === 2).length} sections)</summary>
        <ol>
          {items.map((item) => (
            <li key={item.id} className={item.depth === 3 ? styles.tocSub : undefined}>
              <a href={`#${item.id}`}>{item.text}</a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
