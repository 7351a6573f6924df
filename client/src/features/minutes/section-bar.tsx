import { For, type JSX, onCleanup } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { stickBelowHeader } from '../shared/below-header';

/** The parts of the minutes, in page order, by the id of each part's heading. */
const SECTIONS = [
  ['header', 'minutes-header'],
  ['attendance', 'minutes-attendance'],
  ['agenda', 'minutes-agenda'],
  ['health', 'minutes-health'],
  ['money', 'minutes-money'],
  ['approval', 'minutes-approval'],
] as const;

/**
 * One tap to each part of the minutes on a tablet: the page is long (every agenda item, every member's
 * attendance and health), and approval used to be twenty screens down. The bar sticks under the club's
 * header; a jump scrolls the part's heading to just below the bar and moves focus there for screen readers.
 */
export function SectionBar(): JSX.Element {
  const { t } = useI18n();
  let bar: HTMLElement | undefined;
  const jump = (id: string) => {
    const heading = document.getElementById(id);
    if (!heading || !bar) return;
    const top = heading.getBoundingClientRect().top + window.scrollY - bar.getBoundingClientRect().bottom - 8;
    window.scrollTo({ top: Math.max(0, top) });
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  };
  return (
    <nav
      class="section-bar no-print"
      aria-label={t('healthCheck.sections.label')}
      ref={(el) => {
        bar = el;
        onCleanup(stickBelowHeader(el));
      }}
    >
      <For each={SECTIONS}>
        {([key, id]) => (
          <button type="button" class="section-bar-link" data-section={key} onClick={() => jump(id)}>
            {t(`healthCheck.sections.${key}`)}
          </button>
        )}
      </For>
    </nav>
  );
}
