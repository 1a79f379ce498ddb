// The few DOM helpers the verification page needs instead of a framework (ADR 0010: the page is plain
// TypeScript so that a phone on a slow connection downloads a few kilobytes, not React).

type Child = Node | string | null | undefined | false;
type Properties<K extends keyof HTMLElementTagNameMap> = Partial<
  Omit<HTMLElementTagNameMap[K], 'style' | 'children'>
> & { attrs?: Record<string, string> };

/** An element with properties (`className`, `id`, `onclick` ...), attributes in `attrs` (`role`, `aria-*`) and children. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Properties<K> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const { attrs, ...rest } = properties;
  const node = Object.assign(document.createElement(tag), rest);
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  node.append(...children.filter((child): child is Node | string => Boolean(child)));
  return node;
}
