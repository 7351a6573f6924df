/**
 * Keeps a sticky bar (the health screen's column names, the minutes' section bar) just under the club's
 * own sticky header, whose height changes as its lines wrap (a long club name, the sync line) and with
 * the language. A fixed `top` would either leave a gap or hide the bar behind the header.
 */
export function stickBelowHeader(bar: HTMLElement): () => void {
  const header = document.querySelector<HTMLElement>('.club-header');
  if (header === null) return () => {};
  const place = () => {
    bar.style.top = `${header.offsetHeight}px`;
  };
  place();
  const observer = new ResizeObserver(place);
  observer.observe(header);
  return () => observer.disconnect();
}
