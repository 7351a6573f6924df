import { useLocation } from '@solidjs/router';
import type { JSX } from 'solid-js';

/**
 * A tab of the club's menu: a plain anchor, lit when the page is at or under its address. The router's <A>
 * made each of the ten tabs a handful of memos and a prop spread on the club frame's first render, before
 * the roster's rows; the router still takes the click (it handles every same-origin link).
 */
export function NavLink(props: {
  href: string;
  end?: boolean;
  lit?: boolean;
  children: JSX.Element;
}): JSX.Element {
  const location = useLocation();
  const active = () => {
    const path = location.pathname;
    return props.lit || path === props.href || (!props.end && path.startsWith(`${props.href}/`));
  };
  return (
    <a
      href={props.href}
      class="nav-link"
      classList={{ active: active() }}
      aria-current={active() ? 'page' : undefined}
    >
      {props.children}
    </a>
  );
}
