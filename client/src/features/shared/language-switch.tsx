import type { JSX } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';

export function LanguageSwitch(): JSX.Element {
  const { t, locale, setLocale } = useI18n();
  return (
    <Button
      variant="quiet"
      class="language-switch"
      // The name holds the visible word ("English"), so voice control finds the button by what it shows.
      aria-label={`${t('app.language')}: ${t('app.switchTo')}`}
      onClick={() => setLocale(locale() === 'vi' ? 'en' : 'vi')}
    >
      {t('app.switchTo')}
    </Button>
  );
}
